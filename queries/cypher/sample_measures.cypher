// Test and benchmark graphs (queries.sample_graph): measures with their evidence,
// organisation, document and (when the category is 1-6) category.
// params: $rows: [{id: str, org_id: str, title: str, type: str|null, category: int|null,
//                  year: int|null, doc: str, line: int, page: int, quote: str}]
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
