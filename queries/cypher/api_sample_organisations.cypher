// Test and benchmark graphs: organisations. params: $rows: [{id, name, type, aliases}]
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
SET o.name = row.name, o.type = row.type, o.aliases = row.aliases,
    o.search_text = reduce(s = row.name, a IN row.aliases | s + ' | ' + a)
