// Relationship counts per type, without what only documents of the request's view `$hidden`
// give (docs/reliability.md, "Whole documents during a load"; nothing hidden: every one).
// params: $hidden: [str] (queries/view.py)
CALL () {
  WITH 1 AS one WHERE size($hidden) = 0  // nothing hidden: the plain scan
  MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n
  UNION ALL
  WITH 1 AS one WHERE size($hidden) > 0
  MATCH (a)-[r]->(b)
  WHERE CASE type(r)
          WHEN 'MENTIONS' THEN NOT a.id IN $hidden
          WHEN 'REPORTED_IN' THEN NOT b.id IN $hidden
          WHEN 'FROM_DOCUMENT' THEN NOT b.id IN $hidden
          WHEN 'REPORTS' THEN (b.doc IS NOT NULL AND NOT b.doc IN $hidden)
          WHEN 'IN_CATEGORY' THEN (a.doc IS NOT NULL AND NOT a.doc IN $hidden)
          ELSE coalesce(size(r.ev_docs), 0) = 0 OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden)
        END
  RETURN type(r) AS type, count(*) AS n
}
RETURN type, n ORDER BY type
