// The typed links between the given nodes, and the nodes themselves (ego network).
// params: $ids: [str], $types: [str]
MATCH (n:Organisation|Programme) WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]->(m:Organisation|Programme)
WHERE type(r) IN $types AND m.id IN $ids
RETURN n.id AS id, CASE WHEN n:Organisation THEN 'Organisation' ELSE 'Programme' END AS label,
       n.name AS name, coalesce(n.type, n.kind) AS type, coalesce(n.aliases, []) AS aliases,
       collect(CASE WHEN r IS NULL THEN null ELSE {
         target: m.id, type: type(r), docs: coalesce(r.ev_docs, []),
         lines: coalesce(r.ev_lines, []), pages: coalesce(r.ev_pages, []),
         quotes: coalesce(r.ev_quotes, []), years: coalesce(r.ev_years, [])} END) AS links
