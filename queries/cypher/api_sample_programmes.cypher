// Test and benchmark graphs: programmes. params: $rows: [{id, name, kind, aliases}]
UNWIND $rows AS row
MERGE (p:Programme {id: row.id})
SET p.name = row.name, p.kind = row.kind, p.aliases = row.aliases,
    p.search_text = reduce(s = row.name, a IN row.aliases | s + ' | ' + a)
