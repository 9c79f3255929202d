// One page of programmes in id order (keyset: ids greater than $after) and, when asked,
// the number matching the filter. Filters that are null are ignored.
// params: $name_contains: str|null, $kind: str|null, $participant: str|null,
//         $after: str|null, $limit: int, $with_total: bool
CALL () {
  WITH $with_total AS wanted WHERE wanted
  MATCH (p:Programme)
  WHERE ($name_contains IS NULL OR toLower(p.name) CONTAINS toLower($name_contains))
    AND ($kind IS NULL OR p.kind = $kind)
    AND ($participant IS NULL
         OR EXISTS { (:Organisation {id: $participant})-[:PARTICIPATES_IN|SIGNED]->(p) })
  RETURN count(p) AS total
}
CALL () {
  MATCH (p:Programme)
  WHERE p.id > coalesce($after, '')
    AND ($name_contains IS NULL OR toLower(p.name) CONTAINS toLower($name_contains))
    AND ($kind IS NULL OR p.kind = $kind)
    AND ($participant IS NULL
         OR EXISTS { (:Organisation {id: $participant})-[:PARTICIPATES_IN|SIGNED]->(p) })
  WITH p ORDER BY p.id LIMIT $limit
  RETURN collect({id: p.id, name: p.name, kind: p.kind, aliases: coalesce(p.aliases, [])})
         AS rows
}
RETURN total, rows
