// Small hand-made graphs for tests and demos: organisations or programmes by id.
// The label comes from queries.schema.Label, checked in Python.
// params: $label: str ('Organisation' | 'Programme'), $rows [{id, name, type, kind}]
UNWIND $rows AS row
MERGE (n:$($label) {id: row.id})
SET n.name = row.name, n.type = row.type, n.kind = row.kind, n.aliases = [],
    n.search_text = row.name
