// The neighbours (organisations and programmes) of the given nodes over typed links, in
// either direction; links and nodes only documents of the request's view give are left out
// (docs/reliability.md, "Whole documents during a load").
// params: $org_ids: [str], $prog_ids: [str], $hidden: [str] (queries/view.py)
MATCH (n:Organisation)-[r:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY]-(m)
WHERE n.id IN $org_ids AND (m:Organisation OR m:Programme)
  AND (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
     OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden))
  AND (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(m) } AND EXISTS { (m)--() })
     OR EXISTS { (d:Document)-[:MENTIONS]->(m) WHERE NOT d.id IN $hidden })
RETURN CASE WHEN m:Organisation THEN 'org' ELSE 'prog' END AS kind, m.id AS id
UNION
MATCH (n:Programme)-[r:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY]-(m)
WHERE n.id IN $prog_ids AND (m:Organisation OR m:Programme)
  AND (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
     OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden))
  AND (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(m) } AND EXISTS { (m)--() })
     OR EXISTS { (d:Document)-[:MENTIONS]->(m) WHERE NOT d.id IN $hidden })
RETURN CASE WHEN m:Organisation THEN 'org' ELSE 'prog' END AS kind, m.id AS id
