// Test and benchmark graphs: measures with their evidence, organisation, category, document.
// params: $rows: [{id, org_id, title, type, category, year, doc, line, page, quote}]
UNWIND $rows AS row
MATCH (o:Organisation {id: row.org_id})
MATCH (d:Document {id: row.doc})
MERGE (m:Measure {id: row.id})
SET m.title = row.title, m.type = row.type, m.category = row.category, m.year = row.year,
    m.org_id = row.org_id, m.doc = row.doc, m.line = row.line, m.page = row.page,
    m.quote = row.quote
MERGE (o)-[:REPORTS]->(m)
MERGE (m)-[:FROM_DOCUMENT]->(d)
WITH m, row
MATCH (c:Category {id: row.category})
MERGE (m)-[:IN_CATEGORY]->(c)
