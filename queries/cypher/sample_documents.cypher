// Test and benchmark graphs (queries.sample_graph): documents.
// params: $rows: [{id: str, title: str}]
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.path = row.id, d.sha256 = '', d.loaded_at = datetime()
