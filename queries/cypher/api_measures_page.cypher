// One page of measures in id order (keyset: ids greater than $after) and, when asked,
// the number matching the filter. Filters that are null are ignored.
// Whole documents only (docs/reliability.md, "Whole documents during a load"): measures of
// the documents of the request's view `$hidden` are neither listed nor counted.
// params: $name_contains: str|null, $type: str|null, $category: int|null, $year: int|null,
//         $organisation: str|null, $programme: str|null, $after: str|null, $limit: int,
//         $with_total: bool, $hidden: [str] (queries/view.py)
CALL () {
  WITH $with_total AS wanted WHERE wanted
  MATCH (x:Measure)
  WHERE ($name_contains IS NULL OR toLower(x.title) CONTAINS toLower($name_contains))
    AND ($type IS NULL OR x.type = $type)
    AND ($category IS NULL OR x.category = $category)
    AND ($year IS NULL OR x.year = $year)
    AND ($organisation IS NULL OR x.org_id = $organisation)
    AND ($programme IS NULL OR EXISTS {
         (:Programme {id: $programme})<-[:PARTICIPATES_IN|SIGNED]-(:Organisation)-[:REPORTS]->(x) })
    AND (x.doc IS NOT NULL AND NOT x.doc IN $hidden)
  RETURN count(x) AS total
}
CALL () {
  MATCH (x:Measure)
  WHERE x.id > coalesce($after, '')
    AND ($name_contains IS NULL OR toLower(x.title) CONTAINS toLower($name_contains))
    AND ($type IS NULL OR x.type = $type)
    AND ($category IS NULL OR x.category = $category)
    AND ($year IS NULL OR x.year = $year)
    AND ($organisation IS NULL OR x.org_id = $organisation)
    AND ($programme IS NULL OR EXISTS {
         (:Programme {id: $programme})<-[:PARTICIPATES_IN|SIGNED]-(:Organisation)-[:REPORTS]->(x) })
    AND (x.doc IS NOT NULL AND NOT x.doc IN $hidden)
  WITH x ORDER BY x.id LIMIT $limit
  RETURN collect(x {.id, .title, .type, .category, .year, .org_id, .doc, .line, .page, .quote})
         AS rows
}
RETURN total, rows
