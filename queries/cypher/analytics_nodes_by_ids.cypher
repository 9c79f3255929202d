// Organisations and programmes by id, as rows of analytics_nodes. params: $ids: [str]
UNWIND $ids AS id
MATCH (n {id: id})
WHERE n:Organisation OR n:Programme
RETURN n.id AS id,
       CASE WHEN n:Organisation THEN 'Organisation' ELSE 'Programme' END AS label,
       n.name AS name, n.type AS type, n.kind AS kind
