// Test and benchmark graphs: organisations and programmes shaped as docs/graph-model.md says.
// params: $orgs [{id, name, type, aliases}], $progs [{id, name, kind, aliases}]
CALL (*) {
  UNWIND $orgs AS row
  MERGE (o:Organisation {id: row.id})
  SET o.name = row.name, o.type = row.type, o.aliases = row.aliases,
      o.search_text = reduce(s = row.name, a IN row.aliases | s + ' | ' + a)
}
CALL (*) {
  UNWIND $progs AS row
  MERGE (p:Programme {id: row.id})
  SET p.name = row.name, p.kind = row.kind, p.aliases = row.aliases,
      p.search_text = reduce(s = row.name, a IN row.aliases | s + ' | ' + a)
}
