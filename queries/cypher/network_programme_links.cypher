// Every typed link of one programme, with the other end and all evidence.
// params: $id (str)
MATCH (p:Programme {id: $id})-[r:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY]-(x)
WHERE x:Organisation OR x:Programme
RETURN type(r) AS type, startNode(r) = p AS outgoing,
       CASE WHEN x:Organisation THEN 'org' ELSE 'prog' END AS kind, x.id AS id, x.name AS name,
       coalesce(x.type, x.kind) AS other_type, coalesce(r.ev_docs, []) AS docs,
       coalesce(r.ev_lines, []) AS lines, coalesce(r.ev_pages, []) AS pages,
       coalesce(r.ev_quotes, []) AS quotes
ORDER BY kind, name, type
