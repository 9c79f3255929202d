// One document's title and the path it was loaded from. params: $doc: str
// returns: id, title, path
MATCH (d:Document {id: $doc})
RETURN d.id AS id, coalesce(d.title, d.id) AS title, d.path AS path
