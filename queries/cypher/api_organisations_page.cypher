// One page of organisations in id order (keyset: ids greater than $after) and, when asked,
// the number matching the filter. Filters that are null are ignored.
// params: $name_contains: str|null, $type: str|null, $programme: str|null,
//         $category: int|null, $after: str|null, $limit: int, $with_total: bool
CALL () {
  WITH $with_total AS wanted WHERE wanted
  MATCH (o:Organisation)
  WHERE ($name_contains IS NULL OR toLower(o.name) CONTAINS toLower($name_contains))
    AND ($type IS NULL OR o.type = $type)
    AND ($programme IS NULL
         OR EXISTS { (o)-[:PARTICIPATES_IN|SIGNED]->(:Programme {id: $programme}) })
    AND ($category IS NULL OR EXISTS { (o)-[:REPORTS]->(:Measure {category: $category}) })
  RETURN count(o) AS total
}
CALL () {
  MATCH (o:Organisation)
  WHERE o.id > coalesce($after, '')
    AND ($name_contains IS NULL OR toLower(o.name) CONTAINS toLower($name_contains))
    AND ($type IS NULL OR o.type = $type)
    AND ($programme IS NULL
         OR EXISTS { (o)-[:PARTICIPATES_IN|SIGNED]->(:Programme {id: $programme}) })
    AND ($category IS NULL OR EXISTS { (o)-[:REPORTS]->(:Measure {category: $category}) })
  WITH o ORDER BY o.id LIMIT $limit
  RETURN collect({id: o.id, name: o.name, type: o.type, aliases: coalesce(o.aliases, [])})
         AS rows
}
RETURN total, rows
