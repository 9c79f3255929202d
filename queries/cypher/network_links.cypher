// Typed links between organisations and programmes whose two ends are both in the given
// id lists (null = all of that kind), with at most $quotes evidence entries each, and the
// years and documents of all of them (ev_years, -1 unknown; absent in older graphs). Start
// nodes given by id are found through the id constraints (index seeks), so an ego network
// of a large graph reads only its own nodes' links.
// Whole documents only (docs/reliability.md, "Whole documents during a load"): evidence of documents
// of the request's view `$hidden` is left out, and links with no other evidence.
// params: $org_ids (list or null), $prog_ids (list or null), $quotes (int),
//         $hidden: [str] (queries/view.py)
CALL () {
  UNWIND coalesce($org_ids, []) AS id
  MATCH (a:Organisation {id: id}) RETURN a
  UNION
  UNWIND coalesce($prog_ids, []) AS id
  MATCH (a:Programme {id: id}) RETURN a
  UNION
  MATCH (a:Organisation) WHERE $org_ids IS NULL RETURN a
  UNION
  MATCH (a:Programme) WHERE $prog_ids IS NULL RETURN a
}
MATCH (a)-[r:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY]->(b)
WHERE (b:Organisation AND ($org_ids IS NULL OR b.id IN $org_ids))
   OR (b:Programme AND ($prog_ids IS NULL OR b.id IN $prog_ids))
WITH a, b, r, coalesce(r.ev_docs, []) AS stored
WITH a, b, r, stored,
     CASE WHEN size($hidden) = 0 THEN range(0, size(stored) - 1)
          ELSE [i IN range(0, size(stored) - 1) WHERE NOT stored[i] IN $hidden] END AS keep
WHERE size(keep) > 0 OR size(stored) = 0
RETURN CASE WHEN a:Organisation THEN 'org' ELSE 'prog' END AS source_kind, a.id AS source_id,
       CASE WHEN b:Organisation THEN 'org' ELSE 'prog' END AS target_kind, b.id AS target_id,
       type(r) AS type, [i IN keep[..$quotes] | stored[i]] AS docs,
       [i IN keep[..$quotes] | r.ev_lines[i]] AS lines,
       [i IN keep[..$quotes] | r.ev_pages[i]] AS pages,
       [i IN keep[..$quotes] | r.ev_quotes[i]] AS quotes, size(keep) AS evidence,
       CASE WHEN r.ev_years IS NULL THEN [] ELSE [i IN keep | r.ev_years[i]] END AS years,
       [i IN keep | stored[i]] AS all_docs
ORDER BY source_id, type, target_id
