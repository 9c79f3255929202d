// Benchmark graphs: delete every relationship in batches before the nodes go, because
// DETACH DELETE of 10k hub nodes at once exceeds the transaction memory pool (heap 1g) on a
// 500k-link graph. Auto-commit only (CALL ... IN TRANSACTIONS). params: none
MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS
