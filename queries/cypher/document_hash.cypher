// The stored content hash of a document (null if never loaded) and whether it is visible
// (false while a write is under way or after one was interrupted). params: $id
OPTIONAL MATCH (d:Document {id: $id})
RETURN d.sha256 AS sha256, coalesce(d.revision, 0) >= 0 AS visible
