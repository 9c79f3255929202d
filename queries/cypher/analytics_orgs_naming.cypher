// Ids of the organisations whose name contains a text (a town, for the same-place signal).
// params: $text: str
MATCH (o:Organisation)
WHERE o.name CONTAINS $text
RETURN o.id AS id
