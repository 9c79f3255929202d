// Test and benchmark graphs (queries.sample_graph): organisations.
// params: $rows: [{id: str, name: str, type: str, aliases: [str]}]
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
SET o.name = row.name, o.type = row.type, o.aliases = row.aliases
