// Typed links between organisations and programmes whose two ends are both in the given
// id lists (null = all of that kind), with at most $quotes evidence entries each, and the
// years and documents of all of them (ev_years, -1 unknown; absent in older graphs).
// params: $org_ids (list or null), $prog_ids (list or null), $quotes (int)
MATCH (a)-[r:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY]->(b)
WHERE ((a:Organisation AND ($org_ids IS NULL OR a.id IN $org_ids))
       OR (a:Programme AND ($prog_ids IS NULL OR a.id IN $prog_ids)))
  AND ((b:Organisation AND ($org_ids IS NULL OR b.id IN $org_ids))
       OR (b:Programme AND ($prog_ids IS NULL OR b.id IN $prog_ids)))
RETURN CASE WHEN a:Organisation THEN 'org' ELSE 'prog' END AS source_kind, a.id AS source_id,
       CASE WHEN b:Organisation THEN 'org' ELSE 'prog' END AS target_kind, b.id AS target_id,
       type(r) AS type, coalesce(r.ev_docs, [])[..$quotes] AS docs,
       coalesce(r.ev_lines, [])[..$quotes] AS lines, coalesce(r.ev_pages, [])[..$quotes] AS pages,
       coalesce(r.ev_quotes, [])[..$quotes] AS quotes, size(coalesce(r.ev_docs, [])) AS evidence,
       coalesce(r.ev_years, []) AS years, coalesce(r.ev_docs, []) AS all_docs
ORDER BY source_id, type, target_id
