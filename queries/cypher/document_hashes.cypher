// The stored content hashes of the documents that exist among $ids; a hidden document
// (a write under way or interrupted) has none, so it is written again. params: $ids [str]
// returns: id, sha256
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, CASE WHEN coalesce(d.revision, 0) >= 0 THEN d.sha256 END AS sha256
