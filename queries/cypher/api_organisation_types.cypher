// Organisations per type, without those named only by documents of the request's view
// (docs/reliability.md, "Whole documents during a load").
// params: $hidden: [str] (queries/view.py)
MATCH (o:Organisation)
WHERE (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(o) } AND EXISTS { (o)--() })
       OR EXISTS { (d:Document)-[:MENTIONS]->(o) WHERE NOT d.id IN $hidden })
RETURN coalesce(o.type, 'Sonstige') AS type, count(*) AS n ORDER BY type
