// Measures reported by the given organisations, optionally in one field of action per key.
// Measures of hidden documents (a write under way) are left out.
// params: $keys: [{id: str, category: int|null}]
// returns: id, category, measure
UNWIND $keys AS k
MATCH (:Organisation {id: k.id})-[:REPORTS]->(x:Measure)
WHERE (k.category IS NULL OR x.category = k.category)
  AND NOT EXISTS { (x)-[:FROM_DOCUMENT]->(h:Document) WHERE h.revision < 0 }
RETURN k.id AS id, k.category AS category,
       x {.id, .title, .type, .category, .year, .org_id, .doc, .line, .page, .quote} AS measure
ORDER BY x.year, x.id
