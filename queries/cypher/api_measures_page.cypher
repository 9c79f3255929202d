// One page of measures in id order (keyset: ids greater than $after) and, when asked,
// the number matching the filter. Filters that are null are ignored.
// Whole documents only (docs/reliability.md, "Faults"): the revisions of all documents are
// collected first (an aggregation, finished before any measure is read); measures of
// hidden documents (negative revision) are skipped; at the end the documents whose
// measures were used are read again: `stale` is true when one of them changed meanwhile,
// and the caller reads again.
// params: $name_contains: str|null, $type: str|null, $category: int|null, $year: int|null,
//         $organisation: str|null, $programme: str|null, $after: str|null, $limit: int,
//         $with_total: bool
CALL () {
  MATCH (d:Document)
  RETURN collect([d.id, coalesce(d.revision, 0)]) AS before
}
CALL (before) {
  WITH before, $with_total AS wanted WHERE wanted AND before IS NOT NULL
  MATCH (x:Measure)
  WHERE ($name_contains IS NULL OR toLower(x.title) CONTAINS toLower($name_contains))
    AND ($type IS NULL OR x.type = $type)
    AND ($category IS NULL OR x.category = $category)
    AND ($year IS NULL OR x.year = $year)
    AND ($organisation IS NULL OR x.org_id = $organisation)
    AND ($programme IS NULL OR EXISTS {
         (:Programme {id: $programme})<-[:PARTICIPATES_IN|SIGNED]-(:Organisation)-[:REPORTS]->(x) })
    AND NOT EXISTS { (x)-[:FROM_DOCUMENT]->(h:Document) WHERE h.revision < 0 }
  RETURN count(x) AS total, collect(DISTINCT x.doc) AS counted
}
CALL (before) {
  MATCH (x:Measure)
  WHERE before IS NOT NULL AND x.id > coalesce($after, '')
    AND ($name_contains IS NULL OR toLower(x.title) CONTAINS toLower($name_contains))
    AND ($type IS NULL OR x.type = $type)
    AND ($category IS NULL OR x.category = $category)
    AND ($year IS NULL OR x.year = $year)
    AND ($organisation IS NULL OR x.org_id = $organisation)
    AND ($programme IS NULL OR EXISTS {
         (:Programme {id: $programme})<-[:PARTICIPATES_IN|SIGNED]-(:Organisation)-[:REPORTS]->(x) })
    AND NOT EXISTS { (x)-[:FROM_DOCUMENT]->(h:Document) WHERE h.revision < 0 }
  WITH x ORDER BY x.id LIMIT $limit
  RETURN collect(x {.id, .title, .type, .category, .year, .org_id, .doc, .line, .page, .quote})
         AS rows
}
WITH before, total, rows,
     coalesce(counted, []) + [r IN rows WHERE r.doc IS NOT NULL | r.doc] AS used
CALL (before, used) {
  UNWIND used AS id
  WITH DISTINCT before, id
  OPTIONAL MATCH (d:Document {id: id})
  WITH [p IN before WHERE p[0] = id | p[1]] AS was,
       CASE WHEN d IS NULL THEN [] ELSE [coalesce(d.revision, 0)] END AS now
  RETURN count(CASE WHEN was <> now THEN 1 END) > 0 AS stale
}
RETURN total, rows, stale
