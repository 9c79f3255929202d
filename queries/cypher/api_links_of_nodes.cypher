// Every typed link of the given organisations or programmes, in both directions, with the
// node at the other end and the evidence lists. params: $ids: [str], $types: [str]
UNWIND $ids AS id
MATCH (n:Organisation|Programme {id: id})-[r]-(m)
WHERE type(r) IN $types AND m <> n
RETURN id, type(r) AS type, startNode(r) = n AS outgoing,
       m.id AS other_id,
       CASE WHEN m:Organisation THEN 'Organisation' ELSE 'Programme' END AS other_label,
       m.name AS other_name, coalesce(m.type, m.kind) AS other_type,
       coalesce(m.aliases, []) AS other_aliases,
       coalesce(r.ev_docs, []) AS docs, coalesce(r.ev_lines, []) AS lines,
       coalesce(r.ev_pages, []) AS pages, coalesce(r.ev_quotes, []) AS quotes,
       coalesce(r.ev_years, [d IN coalesce(r.ev_docs, []) | -1]) AS years
