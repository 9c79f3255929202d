// Typed links between organisations and programmes with their evidence counts.
// Whole documents only: what only documents of the request's view `$hidden` give is left
// out (docs/reliability.md, "Whole documents during a load").
// params: $hidden: [str] (queries/view.py), $types: [str] link types to include (values of queries.schema.LINK_TYPES)
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
  AND (a:Organisation OR a:Programme) AND (b:Organisation OR b:Programme)
  AND (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
       OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden))
RETURN a.id AS source, b.id AS target, type(r) AS type,
       size([doc IN coalesce(r.ev_docs, []) WHERE NOT doc IN $hidden]) AS evidence
ORDER BY source, target, type
