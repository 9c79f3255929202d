// A source document with its content hash. params: $row {id, path, sha256, title}
MERGE (d:Document {id: $row.id})
SET d.path = $row.path, d.sha256 = $row.sha256, d.title = $row.title,
    d.loaded_at = datetime()
