// Typed links between organisations and programmes with their evidence counts.
// params: $types: [str] link types to include (values of queries.schema.LINK_TYPES)
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
  AND (a:Organisation OR a:Programme) AND (b:Organisation OR b:Programme)
RETURN a.id AS source, b.id AS target, type(r) AS type,
       size(coalesce(r.ev_docs, [])) AS evidence
ORDER BY source, target, type
