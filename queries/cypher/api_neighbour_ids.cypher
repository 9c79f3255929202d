// Ids of the nodes one typed link away from the given ones (one ring of an ego network).
// params: $ids: [str], $types: [str], $limit: int
UNWIND $ids AS id
MATCH (:Organisation|Programme {id: id})-[r]-(m:Organisation|Programme)
WHERE type(r) IN $types
RETURN DISTINCT m.id AS id
LIMIT $limit
