// Small hand-made graphs: measures of organisations with category and document.
// params: $rows [{id, org_id, title, type, category, doc, line}]
UNWIND $rows AS row
MATCH (o:Organisation {id: row.org_id})
MERGE (d:Document {id: row.doc})
MERGE (m:Measure {id: row.id})
SET m.title = row.title, m.type = row.type, m.category = row.category, m.year = null,
    m.org_id = row.org_id, m.doc = row.doc, m.line = row.line, m.page = -1, m.quote = row.title
MERGE (o)-[:REPORTS]->(m)
MERGE (m)-[:FROM_DOCUMENT]->(d)
WITH m, row
OPTIONAL MATCH (c:Category {id: row.category})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (m)-[:IN_CATEGORY]->(c))
