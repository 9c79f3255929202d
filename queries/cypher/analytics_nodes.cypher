// Organisations and programmes as nodes of the networkx projection. params: none
MATCH (n)
WHERE n:Organisation OR n:Programme
RETURN n.id AS id,
       CASE WHEN n:Organisation THEN 'Organisation' ELSE 'Programme' END AS label,
       n.name AS name, n.type AS type, n.kind AS kind, coalesce(n.aliases, []) AS aliases
ORDER BY id
