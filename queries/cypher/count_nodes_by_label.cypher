// Node counts per label, without what only documents of the request's view `$hidden` give
// (docs/reliability.md, "Whole documents during a load"; nothing hidden: every node).
// params: $hidden: [str] (queries/view.py)
CALL () {
  WITH 1 AS one WHERE size($hidden) = 0  // nothing hidden: the plain scan
  MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n
  UNION ALL
  WITH 1 AS one WHERE size($hidden) > 0
  MATCH (n)
  WHERE CASE
          WHEN n:Document THEN NOT n.id IN $hidden
          WHEN n:Measure THEN (n.doc IS NOT NULL AND NOT n.doc IN $hidden)
          WHEN n:Organisation OR n:Programme
            THEN (NOT EXISTS { (:Document)-[:MENTIONS]->(n) } AND EXISTS { (n)--() })
                 OR EXISTS { (d:Document)-[:MENTIONS]->(n) WHERE NOT d.id IN $hidden }
          ELSE true
        END
  UNWIND labels(n) AS label RETURN label, count(*) AS n
}
RETURN label, n ORDER BY label
