// Counts of organisations, programmes, measures and typed links for the start page, without
// what only documents of the request's view give (docs/reliability.md, "Whole documents
// during a load"). params: $hidden: [str] (queries/view.py)
CALL () {
  MATCH (o:Organisation)
  WHERE (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(o) } AND EXISTS { (o)--() })
       OR EXISTS { (d:Document)-[:MENTIONS]->(o) WHERE NOT d.id IN $hidden })
  RETURN count(o) AS organisations
}
CALL () {
  MATCH (p:Programme)
  WHERE (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(p) } AND EXISTS { (p)--() })
       OR EXISTS { (d:Document)-[:MENTIONS]->(p) WHERE NOT d.id IN $hidden })
  RETURN count(p) AS programmes
}
CALL () { MATCH (m:Measure) WHERE (m.doc IS NOT NULL AND NOT m.doc IN $hidden) RETURN count(m) AS measures }
CALL () {
  MATCH ()-[r:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY]->()
  WHERE (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
       OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden))
  RETURN count(r) AS links
}
RETURN organisations, programmes, measures, links
