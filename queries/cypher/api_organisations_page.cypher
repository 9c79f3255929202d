// One page of organisations in id order (keyset: ids greater than $after) and, when asked,
// the number matching the filter. Filters that are null are ignored.
// Whole documents only (docs/reliability.md, "Whole documents during a load"): organisations
// named only by documents of the request's view `$hidden` are neither listed nor counted;
// their links and measures do not select.
// params: $name_contains: str|null, $type: str|null, $programme: str|null,
//         $category: int|null, $after: str|null, $limit: int, $with_total: bool,
//         $hidden: [str] (queries/view.py)
CALL () {
  WITH $with_total AS wanted WHERE wanted
  MATCH (o:Organisation)
  WHERE ($name_contains IS NULL OR toLower(o.name) CONTAINS toLower($name_contains))
    AND ($type IS NULL OR o.type = $type)
    AND ($programme IS NULL
         OR EXISTS { (o)-[r:PARTICIPATES_IN|SIGNED]->(:Programme {id: $programme})
                     WHERE (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
                       OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden)) })
    AND ($category IS NULL OR EXISTS { (o)-[:REPORTS]->(m:Measure {category: $category})
                                       WHERE (m.doc IS NOT NULL AND NOT m.doc IN $hidden) })
    AND (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(o) } AND EXISTS { (o)--() })
         OR EXISTS { (d:Document)-[:MENTIONS]->(o) WHERE NOT d.id IN $hidden })
  RETURN count(o) AS total
}
CALL () {
  MATCH (o:Organisation)
  WHERE o.id > coalesce($after, '')
    AND ($name_contains IS NULL OR toLower(o.name) CONTAINS toLower($name_contains))
    AND ($type IS NULL OR o.type = $type)
    AND ($programme IS NULL
         OR EXISTS { (o)-[r:PARTICIPATES_IN|SIGNED]->(:Programme {id: $programme})
                     WHERE (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
                       OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden)) })
    AND ($category IS NULL OR EXISTS { (o)-[:REPORTS]->(m:Measure {category: $category})
                                       WHERE (m.doc IS NOT NULL AND NOT m.doc IN $hidden) })
    AND (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(o) } AND EXISTS { (o)--() })
         OR EXISTS { (d:Document)-[:MENTIONS]->(o) WHERE NOT d.id IN $hidden })
  WITH o ORDER BY o.id LIMIT $limit
  RETURN collect({id: o.id, name: o.name, type: o.type, aliases: coalesce(o.aliases, [])})
         AS rows
}
RETURN total, rows
