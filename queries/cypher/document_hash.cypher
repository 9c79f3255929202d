// The stored content hash of a document (null if never loaded). params: $id
OPTIONAL MATCH (d:Document {id: $id})
RETURN d.sha256 AS sha256
