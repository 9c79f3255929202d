// Typed links among the given organisations and programmes with their evidence (exports).
// params: $ids: [str] node ids, $types: [str] link types (values of queries.schema.LINK_TYPES)
// years: the ev_years of the link, -1 where unknown
// returns: source, target, type, docs, lines, quotes, years
CALL {
  MATCH (a:Organisation) WHERE a.id IN $ids RETURN a
  UNION
  MATCH (a:Programme) WHERE a.id IN $ids RETURN a
}
MATCH (a)-[r]->(b)
WHERE type(r) IN $types AND (b:Organisation OR b:Programme) AND b.id IN $ids
RETURN a.id AS source, b.id AS target, type(r) AS type, coalesce(r.ev_docs, []) AS docs,
       coalesce(r.ev_lines, []) AS lines, coalesce(r.ev_quotes, []) AS quotes,
       coalesce(r.ev_years, []) AS years
ORDER BY source, target, type
