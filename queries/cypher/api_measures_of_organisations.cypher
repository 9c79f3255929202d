// Measures reported by the given organisations, optionally in one field of action per key,
// in order of year and id. One row in all: `found` holds one entry per measure.
// Whole documents only, with the looks of api_links_of_keys (docs/reliability.md, "Whole
// documents during a load"): the count of document changes, then the hidden documents,
// before the measures; measures of documents hidden then or while they are read are left
// out; then the hidden documents and the count again. `hidden` names the documents hidden
// at either look, `changes` is the first count (a combined read compares it with the other
// reads' counts), `stale` is true when the count moved, and the caller reads again.
// params: $keys: [{id: str, category: int|null}]
// returns: found, hidden, changes, stale
CALL () {
  OPTIONAL MATCH (c:Category {id: 1})
  RETURN coalesce(c.document_changes, 0) AS changes
}
CALL (changes) {
  MATCH (d:Document)
  WHERE d.revision < 0 AND changes IS NOT NULL
  RETURN collect(d.id) AS hidden
}
CALL (hidden) {
  UNWIND $keys AS k
  MATCH (:Organisation {id: k.id})-[:REPORTS]->(x:Measure)
  WHERE (k.category IS NULL OR x.category = k.category)
    AND NOT coalesce(x.doc, '') IN hidden
    AND NOT EXISTS { (x)-[:FROM_DOCUMENT]->(h:Document) WHERE h.revision < 0 }
  WITH k, x ORDER BY x.year, x.id
  RETURN collect({id: k.id, category: k.category,
                  measure: x {.id, .title, .type, .category, .year, .org_id, .doc, .line,
                              .page, .quote}}) AS found
}
CALL (found) {
  MATCH (d:Document)
  WHERE d.revision < 0 AND found IS NOT NULL
  RETURN collect(d.id) AS hidden_after
}
CALL (hidden_after) {
  OPTIONAL MATCH (c:Category {id: 1})
  WHERE hidden_after IS NOT NULL
  RETURN coalesce(c.document_changes, 0) AS changes_after
}
RETURN found, hidden + [d IN hidden_after WHERE NOT d IN hidden] AS hidden, changes,
       changes <> changes_after AS stale
