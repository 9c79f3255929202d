// The organisations and programmes one typed link away from the given ones (either
// direction): one step of the breadth-first walk that builds an ego network.
// params: $org_ids (list of str), $prog_ids (list of str)
MATCH (n:Organisation)-[:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY]-(m)
WHERE n.id IN $org_ids AND (m:Organisation OR m:Programme)
RETURN CASE WHEN m:Organisation THEN 'org' ELSE 'prog' END AS kind, m.id AS id
UNION
MATCH (n:Programme)-[:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY]-(m)
WHERE n.id IN $prog_ids AND (m:Organisation OR m:Programme)
RETURN CASE WHEN m:Organisation THEN 'org' ELSE 'prog' END AS kind, m.id AS id
