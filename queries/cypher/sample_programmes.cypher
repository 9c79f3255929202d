// Test and benchmark graphs (queries.sample_graph): programmes.
// params: $rows: [{id: str, name: str, kind: str, aliases: [str]}]
UNWIND $rows AS row
MERGE (p:Programme {id: row.id})
SET p.name = row.name, p.kind = row.kind, p.aliases = row.aliases
