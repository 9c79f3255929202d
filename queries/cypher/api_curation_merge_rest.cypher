// Second half of merging two organisations (links were moved before): move mentions, report
// blocks and measures to $keep, keep the removed names as aliases, delete $remove.
// params: $keep: str, $remove: str
MATCH (k:Organisation {id: $keep}), (x:Organisation {id: $remove})
CALL (k, x) {
  MATCH (d:Document)-[m:MENTIONS]->(x)
  MERGE (d)-[m2:MENTIONS]->(k)
  SET m2.lines = coalesce(m2.lines, []) + coalesce(m.lines, []),
      m2.pages = coalesce(m2.pages, []) + coalesce(m.pages, []),
      m2.quotes = coalesce(m2.quotes, []) + coalesce(m.quotes, [])
}
CALL (k, x) {
  MATCH (x)-[b:REPORTED_IN]->(d:Document)
  MERGE (k)-[b2:REPORTED_IN]->(d)
  SET b2.categories = coalesce(b2.categories, []) + coalesce(b.categories, []),
      b2.starts = coalesce(b2.starts, []) + coalesce(b.starts, []),
      b2.ends = coalesce(b2.ends, []) + coalesce(b.ends, [])
}
CALL (k, x) {
  MATCH (x)-[:REPORTS]->(me:Measure)
  MERGE (k)-[:REPORTS]->(me)
  SET me.org_id = k.id
}
WITH k, x, [x.name] + coalesce(x.aliases, []) AS old_names
DETACH DELETE x
WITH k, old_names
SET k.aliases = reduce(acc = coalesce(k.aliases, []), a IN old_names |
                       CASE WHEN a = k.name OR a IN acc THEN acc ELSE acc + a END)
RETURN k.id AS id
