// Measures per organisation, by field of action and measure type (synergy profiles).
// Whole documents only: what only documents of the request's view `$hidden` give is left
// out (docs/reliability.md, "Whole documents during a load").
// params: $hidden: [str] (queries/view.py)
MATCH (o:Organisation)-[:REPORTS]->(m:Measure)
WHERE (m.doc IS NOT NULL AND NOT m.doc IN $hidden)
RETURN o.id AS org, m.category AS category, m.type AS type, count(*) AS n
ORDER BY org, category, type
