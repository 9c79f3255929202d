// Other documents stored with the same content (the same report under another name).
// params: $sha256, $id
// returns: id
MATCH (d:Document {sha256: $sha256})
WHERE d.id <> $id
RETURN d.id AS id ORDER BY id
