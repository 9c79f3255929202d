// Organisations and programmes ranked by the full-text index `entity_names`.
// params: $lucene: str (a Lucene query built by queries.read_search), $limit: int
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit})
YIELD node, score
RETURN node.id AS id, node.name AS name,
       CASE WHEN node:Organisation THEN 'Organisation' ELSE 'Programme' END AS label,
       coalesce(node.type, node.kind) AS type, coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, id
