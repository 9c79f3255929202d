// Organisations that report at least one measure in one of the given fields of action.
// Whole documents only: what only documents of the request's view `$hidden` give is left
// out (docs/reliability.md, "Whole documents during a load").
// params: $hidden: [str] (queries/view.py), $categories: [int] field-of-action ids (1-6)
MATCH (o:Organisation)-[:REPORTS]->(m:Measure)
WHERE m.category IN $categories AND (m.doc IS NOT NULL AND NOT m.doc IN $hidden)
RETURN DISTINCT o.id AS id
ORDER BY id
