// The programmes among $ids, without those named only by documents of the request's
// view (docs/reliability.md, "Whole documents during a load").
// params: $ids: [str], $hidden: [str] (queries/view.py)
// returns: id, name, kind, aliases
UNWIND $ids AS id
MATCH (p:Programme {id: id})
WHERE (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(p) } AND EXISTS { (p)--() })
       OR EXISTS { (d:Document)-[:MENTIONS]->(p) WHERE NOT d.id IN $hidden })
RETURN p.id AS id, p.name AS name, p.kind AS kind, coalesce(p.aliases, []) AS aliases
