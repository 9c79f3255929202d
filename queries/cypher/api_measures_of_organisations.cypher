// Measures reported by the given organisations, optionally in one field of action per key,
// in order of year and id. One row in all: `found` holds one entry per measure.
// Whole documents only (docs/reliability.md, "Whole documents during a load"): measures of
// the documents of the request's view `$hidden` are left out.
// params: $keys: [{id: str, category: int|null}], $hidden: [str] (queries/view.py)
// returns: found
CALL () {
  UNWIND $keys AS k
  MATCH (:Organisation {id: k.id})-[:REPORTS]->(x:Measure)
  WHERE (k.category IS NULL OR x.category = k.category)
    AND (x.doc IS NOT NULL AND NOT x.doc IN $hidden)
  WITH k, x ORDER BY x.year, x.id
  RETURN collect({id: k.id, category: k.category,
                  measure: x {.id, .title, .type, .category, .year, .org_id, .doc, .line,
                              .page, .quote}}) AS found
}
RETURN found
