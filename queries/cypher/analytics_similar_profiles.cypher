// Measure profiles (rows of analytics_measure_profiles) of one organisation and of those
// whose profile has a cosine of at least $min with it. The cosine is computed here, over
// the keys "feld:<category>" and "typ:<type>" (counts of measures), so that a large graph
// does not ship every profile to find the similar ones.
// Whole documents only: what only documents of the request's view `$hidden` give is left
// out (docs/reliability.md, "Whole documents during a load").
// params: $id: str, $min: float, $hidden: [str] (queries/view.py)
MATCH (:Organisation {id: $id})-[:REPORTS]->(m:Measure)
WHERE (m.doc IS NOT NULL AND NOT m.doc IN $hidden)
WITH collect('feld:' + toString(m.category))
     + collect(CASE WHEN m.type <> '' THEN 'typ:' + m.type END) AS mine
WHERE size(mine) > 0
WITH mine, reduce(s = 0.0, k IN mine | s + size([x IN mine WHERE x = k])) AS norm_mine
MATCH (o:Organisation)-[:REPORTS]->(m:Measure)
WHERE (m.doc IS NOT NULL AND NOT m.doc IN $hidden)
WITH mine, norm_mine, o,
     collect('feld:' + toString(m.category))
     + collect(CASE WHEN m.type <> '' THEN 'typ:' + m.type END) AS theirs
WITH o, reduce(d = 0.0, k IN theirs | d + size([x IN mine WHERE x = k])) AS dot,
     norm_mine * reduce(s = 0.0, k IN theirs | s + size([x IN theirs WHERE x = k])) AS norms
WHERE norms > 0 AND dot / sqrt(norms) >= $min
MATCH (o)-[:REPORTS]->(m:Measure)
WHERE (m.doc IS NOT NULL AND NOT m.doc IN $hidden)
RETURN o.id AS org, m.category AS category, m.type AS type, count(*) AS n
