// Documents that report on or mention the given organisations, not those of the request's
// view `$hidden` (docs/reliability.md, "Whole documents during a load").
// params: $ids: [str], $hidden: [str] (queries/view.py)
// returns: id, document
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
CALL (o) {
  MATCH (o)-[:REPORTED_IN]->(d:Document) RETURN d
  UNION
  MATCH (d:Document)-[:MENTIONS]->(o) RETURN d
}
WITH id, d WHERE NOT d.id IN $hidden
RETURN id, d {.id, .title, .path, loaded_at: toString(d.loaded_at)} AS document
ORDER BY d.id
