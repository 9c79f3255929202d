// Organisations and programmes as network nodes, with the fields of action (categories) of
// each organisation's measures and the documents that name each node (for the year range).
// A null list means "all" of that kind; given ids are found through the id constraints.
// Whole documents only (docs/reliability.md, "Whole documents during a load"): nodes named only by
// documents of the request's view `$hidden`, and those documents and their measures, are
// left out.
// params: $org_ids (list of str or null), $prog_ids (list of str or null),
//         $hidden: [str] (queries/view.py)
CALL () {
  UNWIND coalesce($org_ids, []) AS id
  MATCH (o:Organisation {id: id}) RETURN o
  UNION
  MATCH (o:Organisation) WHERE $org_ids IS NULL RETURN o
}
WITH o WHERE (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(o) } AND EXISTS { (o)--() })
     OR EXISTS { (d:Document)-[:MENTIONS]->(o) WHERE NOT d.id IN $hidden })
OPTIONAL MATCH (o)-[:REPORTS]->(m:Measure) WHERE (m.doc IS NOT NULL AND NOT m.doc IN $hidden)
WITH o, [c IN collect(DISTINCT m.category) WHERE c IS NOT NULL] AS categories
RETURN 'org' AS kind, o.id AS id, o.name AS name, o.type AS type, categories,
       [(d:Document)-[:MENTIONS]->(o) WHERE NOT d.id IN $hidden | d.id] AS docs
UNION ALL
CALL () {
  UNWIND coalesce($prog_ids, []) AS id
  MATCH (p:Programme {id: id}) RETURN p
  UNION
  MATCH (p:Programme) WHERE $prog_ids IS NULL RETURN p
}
WITH p WHERE (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(p) } AND EXISTS { (p)--() })
     OR EXISTS { (d:Document)-[:MENTIONS]->(p) WHERE NOT d.id IN $hidden })
RETURN 'prog' AS kind, p.id AS id, p.name AS name, p.kind AS type, [] AS categories,
       [(d:Document)-[:MENTIONS]->(p) WHERE NOT d.id IN $hidden | d.id] AS docs
