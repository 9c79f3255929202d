// Test and benchmark graphs (queries.sample_graph): where a document names an entity, and
// (reported) the organisation's report block in it.
// params: $rows: [{doc: str, id: str, lines: [int], pages: [int], quotes: [str],
//                  reported: bool}]
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (n:Organisation|Programme {id: row.id})
MERGE (d)-[m:MENTIONS]->(n)
SET m.lines = row.lines, m.pages = row.pages, m.quotes = row.quotes
WITH d, n, row WHERE row.reported AND n:Organisation
MERGE (n)-[b:REPORTED_IN]->(d)
SET b.categories = [], b.starts = [], b.ends = []
