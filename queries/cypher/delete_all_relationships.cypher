// Remove every relationship, in batches, before the nodes go. params: none
MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
