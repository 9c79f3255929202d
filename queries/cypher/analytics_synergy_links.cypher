// The links the synergy score of one organisation needs, as rows of analytics_links: every
// link of the organisation; every link between its programmes (those it takes part in or
// signed) and organisations; every cooperation of its cooperation partners (common
// partners, and how many partners each has); every PART_OF link of the organisations it
// is PART_OF-linked to (units of the same parent belong together: no suggestion).
// Whole documents only: what only documents of the request's view `$hidden` give is left
// out (docs/reliability.md, "Whole documents during a load").
// params: $hidden: [str] (queries/view.py), $id: str, $types: [str] link types to include (values of queries.schema.LINK_TYPES)
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
  AND (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
       OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden))
RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type,
       size([doc IN coalesce(r.ev_docs, []) WHERE NOT doc IN $hidden]) AS evidence
