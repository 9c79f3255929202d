// An organisation's measures with their field of action and evidence.
// Measures of hidden documents (a write under way) are left out.
// params: $id (str)
MATCH (o:Organisation {id: $id})-[:REPORTS]->(m:Measure)
WHERE NOT EXISTS { (m)-[:FROM_DOCUMENT]->(h:Document) WHERE h.revision < 0 }
OPTIONAL MATCH (m)-[:IN_CATEGORY]->(c:Category)
RETURN m.id AS id, m.title AS title, m.type AS type, m.year AS year,
       coalesce(c.id, m.category) AS category, c.name AS category_name,
       m.doc AS doc, m.line AS line, m.page AS page, m.quote AS quote
ORDER BY category, year, title
