// The stored content hashes of the documents that exist among $ids. params: $ids [str]
// returns: id, sha256
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.sha256 AS sha256
