// Organisations and programmes ranked by the full-text index `entity_names`.
// Whole documents only (docs/reliability.md, "Whole documents during a load"): entities named
// only by documents of the request's view `$hidden` are left out.
// params: $lucene: str (a Lucene query built by queries.read_search), $limit: int,
//         $hidden: [str] (queries/view.py)
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit})
YIELD node, score
WHERE (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(node) } AND EXISTS { (node)--() })
     OR EXISTS { (d:Document)-[:MENTIONS]->(node) WHERE NOT d.id IN $hidden })
RETURN node.id AS id, node.name AS name,
       CASE WHEN node:Organisation THEN 'Organisation' ELSE 'Programme' END AS label,
       coalesce(node.type, node.kind) AS type, coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, id
