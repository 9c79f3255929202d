// Typed links with the documents of their evidence (for when each first appears).
// params: $types: [str] link types (values of queries.schema.LINK_TYPES)
// returns: source, target, type, docs
MATCH (a)-[r]->(b)
WHERE type(r) IN $types AND (a:Organisation OR a:Programme) AND (b:Organisation OR b:Programme)
RETURN a.id AS source, b.id AS target, type(r) AS type, coalesce(r.ev_docs, []) AS docs
ORDER BY source, target, type
