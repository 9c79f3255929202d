// Node counts per label, without what only documents of the request's view `$hidden` give
// (docs/reliability.md, "Whole documents during a load"; nothing hidden: every node).
// params: $hidden: [str] (queries/view.py)
MATCH (n)
WHERE size($hidden) = 0
   OR CASE
        WHEN n:Document THEN NOT n.id IN $hidden
        WHEN n:Measure THEN NOT coalesce(n.doc, '') IN $hidden
        WHEN n:Organisation OR n:Programme
          THEN NOT EXISTS { (:Document)-[:MENTIONS]->(n) }
               OR EXISTS { (d:Document)-[:MENTIONS]->(n) WHERE NOT d.id IN $hidden }
        ELSE true
      END
UNWIND labels(n) AS label
RETURN label, count(*) AS n ORDER BY label
