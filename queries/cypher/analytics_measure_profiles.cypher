// Measures per organisation, by field of action and measure type (synergy profiles).
// Measures of hidden documents (a write under way) are left out. params: none
MATCH (o:Organisation)-[:REPORTS]->(m:Measure)
WHERE NOT EXISTS { (m)-[:FROM_DOCUMENT]->(h:Document) WHERE h.revision < 0 }
RETURN o.id AS org, m.category AS category, m.type AS type, count(*) AS n
ORDER BY org, category, type
