// Which of the given ids exist as organisations or programmes, with their label.
// params: $ids: [str]
UNWIND $ids AS id
MATCH (n:Organisation|Programme {id: id})
RETURN n.id AS id, CASE WHEN n:Organisation THEN 'Organisation' ELSE 'Programme' END AS label
