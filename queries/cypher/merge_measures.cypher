// Measures with their evidence, linked to organisation, category and document (rows of one
// or several documents). params: $rows [{id, org_id, title, type, category, year, doc,
// line, page, quote}]
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (o:Organisation {id: row.org_id})
MERGE (m:Measure {id: row.id})
SET m.title = row.title, m.type = row.type, m.category = row.category, m.year = row.year,
    m.org_id = row.org_id, m.doc = row.doc, m.line = row.line, m.page = row.page,
    m.quote = row.quote
MERGE (o)-[:REPORTS]->(m)
MERGE (m)-[:FROM_DOCUMENT]->(d)
WITH m, row
OPTIONAL MATCH (c:Category {id: row.category})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (m)-[:IN_CATEGORY]->(c))
