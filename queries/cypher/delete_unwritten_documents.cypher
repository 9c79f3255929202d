// Documents announced for a first write that failed: their hidden nodes go again, so a
// failed load of a new document leaves nothing (only nodes without any fact, still hidden).
// params: $ids [str]
UNWIND $ids AS id
MATCH (d:Document {id: id})
WHERE d.revision < 0 AND NOT (d)--()
DELETE d
