// Make documents visible once all their facts are committed: a single property write per
// document, in its own transaction after the one that wrote the facts. params: $ids [str]
UNWIND $ids AS id
MATCH (d:Document {id: id})
WHERE d.revision < 0
SET d.revision = -d.revision
