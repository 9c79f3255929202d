// Measures per organisation, by field of action and measure type (synergy profiles).
// params: none
MATCH (o:Organisation)-[:REPORTS]->(m:Measure)
RETURN o.id AS org, m.category AS category, m.type AS type, count(*) AS n
ORDER BY org, category, type
