// Delete one typed link (COOPERATES_WITH in either stored direction).
// params: $source: str, $target: str, $type: str
MATCH (a:Organisation|Programme {id: $source})-[r]-(b:Organisation|Programme {id: $target})
WHERE type(r) = $type AND (startNode(r) = a OR $type = 'COOPERATES_WITH')
DELETE r
RETURN count(*) AS removed
