// Typed links between organisations and programmes whose two ends are both in the given
// id lists (null = all of that kind), with at most $quotes evidence entries each, and the
// years and documents of all of them (ev_years, -1 unknown; absent in older graphs). Start
// nodes given by id are found through the id constraints (index seeks), so an ego network
// of a large graph reads only its own nodes' links.
// params: $org_ids (list or null), $prog_ids (list or null), $quotes (int)
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
RETURN CASE WHEN a:Organisation THEN 'org' ELSE 'prog' END AS source_kind, a.id AS source_id,
       CASE WHEN b:Organisation THEN 'org' ELSE 'prog' END AS target_kind, b.id AS target_id,
       type(r) AS type, coalesce(r.ev_docs, [])[..$quotes] AS docs,
       coalesce(r.ev_lines, [])[..$quotes] AS lines, coalesce(r.ev_pages, [])[..$quotes] AS pages,
       coalesce(r.ev_quotes, [])[..$quotes] AS quotes, size(coalesce(r.ev_docs, [])) AS evidence,
       coalesce(r.ev_years, []) AS years, coalesce(r.ev_docs, []) AS all_docs
ORDER BY source_id, type, target_id
