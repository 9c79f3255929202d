// Which of the given ids exist as organisations or programmes, with their label (not
// those named only by documents of the request's view: docs/reliability.md, "Whole
// documents during a load").
// params: $ids: [str], $hidden: [str] (queries/view.py)
UNWIND $ids AS id
MATCH (n:Organisation|Programme {id: id})
WHERE (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(n) } AND EXISTS { (n)--() })
       OR EXISTS { (d:Document)-[:MENTIONS]->(n) WHERE NOT d.id IN $hidden })
RETURN n.id AS id, CASE WHEN n:Organisation THEN 'Organisation' ELSE 'Programme' END AS label
