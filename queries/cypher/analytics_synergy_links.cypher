// The links the synergy score of one organisation needs, as rows of analytics_links: every
// link of the organisation; every link between its programmes (those it takes part in or
// signed) and organisations; every cooperation of its cooperation partners (common
// partners, and how many partners each has); every PART_OF link of the organisations it
// is PART_OF-linked to (units of the same parent belong together: no suggestion).
// params: $id: str, $types: [str] link types to include (values of queries.schema.LINK_TYPES)
MATCH (a:Organisation {id: $id})
CALL (a) {
  MATCH (a)-[r]-(x)
  WHERE x:Organisation OR x:Programme
  RETURN r
  UNION
  MATCH (a)-[:PARTICIPATES_IN|SIGNED]-(p:Programme)-[r]-(:Organisation)
  RETURN r
  UNION
  MATCH (a)-[:COOPERATES_WITH]-(:Organisation)-[r:COOPERATES_WITH]-(:Organisation)
  RETURN r
  UNION
  MATCH (a)-[:PART_OF]-(:Organisation)-[r:PART_OF]-(:Organisation)
  RETURN r
}
WITH r WHERE type(r) IN $types
RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type,
       size(coalesce(r.ev_docs, [])) AS evidence
