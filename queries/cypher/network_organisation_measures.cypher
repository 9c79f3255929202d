// An organisation's measures with their field of action and evidence.
// params: $id (str)
MATCH (o:Organisation {id: $id})-[:REPORTS]->(m:Measure)
OPTIONAL MATCH (m)-[:IN_CATEGORY]->(c:Category)
RETURN m.id AS id, m.title AS title, m.type AS type, m.year AS year,
       coalesce(c.id, m.category) AS category, c.name AS category_name,
       m.doc AS doc, m.line AS line, m.page AS page, m.quote AS quote
ORDER BY category, year, title
