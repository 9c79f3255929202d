// Documents that report on or mention the given organisations. params: $ids: [str]
// returns: id, document
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
CALL (o) {
  MATCH (o)-[:REPORTED_IN]->(d:Document) RETURN d
  UNION
  MATCH (d:Document)-[:MENTIONS]->(o) RETURN d
}
RETURN id, d {.id, .title, .path, loaded_at: toString(d.loaded_at)} AS document
ORDER BY d.id
