// Organisations and programmes as nodes of the networkx projection. 
// Whole documents only: what only documents of the request's view `$hidden` give is left
// out (docs/reliability.md, "Whole documents during a load").
// params: $hidden: [str] (queries/view.py)
MATCH (n)
WHERE (n:Organisation OR n:Programme)
  AND (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(n) } AND EXISTS { (n)--() })
       OR EXISTS { (d:Document)-[:MENTIONS]->(n) WHERE NOT d.id IN $hidden })
RETURN n.id AS id,
       CASE WHEN n:Organisation THEN 'Organisation' ELSE 'Programme' END AS label,
       n.name AS name, n.type AS type, n.kind AS kind, coalesce(n.aliases, []) AS aliases
ORDER BY id
