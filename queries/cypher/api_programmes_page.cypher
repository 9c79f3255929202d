// One page of programmes in id order (keyset: ids greater than $after) and, when asked,
// the number matching the filter. Filters that are null are ignored.
// Whole documents only (docs/reliability.md, "Whole documents during a load"): programmes
// named only by documents of the request's view `$hidden` are neither listed nor counted;
// their links do not select.
// params: $name_contains: str|null, $kind: str|null, $participant: str|null,
//         $after: str|null, $limit: int, $with_total: bool,
//         $hidden: [str] (queries/view.py)
CALL () {
  WITH $with_total AS wanted WHERE wanted
  MATCH (p:Programme)
  WHERE ($name_contains IS NULL OR toLower(p.name) CONTAINS toLower($name_contains))
    AND ($kind IS NULL OR p.kind = $kind)
    AND ($participant IS NULL
         OR EXISTS { (:Organisation {id: $participant})-[r:PARTICIPATES_IN|SIGNED]->(p)
                     WHERE (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
                       OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden)) })
    AND (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(p) } AND EXISTS { (p)--() })
         OR EXISTS { (d:Document)-[:MENTIONS]->(p) WHERE NOT d.id IN $hidden })
  RETURN count(p) AS total
}
CALL () {
  MATCH (p:Programme)
  WHERE p.id > coalesce($after, '')
    AND ($name_contains IS NULL OR toLower(p.name) CONTAINS toLower($name_contains))
    AND ($kind IS NULL OR p.kind = $kind)
    AND ($participant IS NULL
         OR EXISTS { (:Organisation {id: $participant})-[r:PARTICIPATES_IN|SIGNED]->(p)
                     WHERE (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
                       OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden)) })
    AND (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(p) } AND EXISTS { (p)--() })
         OR EXISTS { (d:Document)-[:MENTIONS]->(p) WHERE NOT d.id IN $hidden })
  WITH p ORDER BY p.id LIMIT $limit
  RETURN collect({id: p.id, name: p.name, kind: p.kind, aliases: coalesce(p.aliases, [])})
         AS rows
}
RETURN total, rows
