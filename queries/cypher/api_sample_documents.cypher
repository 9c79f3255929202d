// Test and benchmark graphs: documents. params: $rows: [{id, title}]
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.path = row.id, d.sha256 = '', d.loaded_at = datetime()
