// Organisations that report at least one measure in one of the given fields of action.
// params: $categories: [int] field-of-action ids (1-6)
MATCH (o:Organisation)-[:REPORTS]->(m:Measure)
WHERE m.category IN $categories
RETURN DISTINCT o.id AS id
ORDER BY id
