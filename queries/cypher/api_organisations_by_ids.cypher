// The organisations among $ids, without those named only by documents of the request's
// view (docs/reliability.md, "Whole documents during a load").
// params: $ids: [str], $hidden: [str] (queries/view.py)
// returns: id, name, type, aliases
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
WHERE (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(o) } AND EXISTS { (o)--() })
       OR EXISTS { (d:Document)-[:MENTIONS]->(o) WHERE NOT d.id IN $hidden })
RETURN o.id AS id, o.name AS name, o.type AS type, coalesce(o.aliases, []) AS aliases
