// Before documents' facts are written, in a transaction of its own: create them hidden, or
// hide loaded ones (a negative `revision`, counting this write), so a reader that meets any
// of their new facts finds the documents hidden (docs/reliability.md, "Whole documents
// during a load"). merge_documents fills in the rest with the facts. params: $ids [str]
// returns: id, created
UNWIND $ids AS id
OPTIONAL MATCH (old:Document {id: id})
WITH id, old IS NULL AS created
MERGE (d:Document {id: id})
ON CREATE SET d.revision = -1
ON MATCH SET d.revision = -abs(coalesce(d.revision, 0)) - 1
RETURN id, created
