// Count a change of documents' facts: in the transaction that writes or removes them, and
// once more in a transaction of its own before the documents are shown (or deleted), so a
// reader that compares the count before and after its read notices every document shown or
// deleted meanwhile, and every commit of facts it met half-applied (docs/reliability.md,
// "Whole documents during a load"). The count lives on the first field of action, a node
// every graph has (db init); the lock on it orders the counts. params: none
MATCH (c:Category {id: 1})
SET c.document_changes = coalesce(c.document_changes, 0) + 1
