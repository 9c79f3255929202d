// The typed links that GraphQL fields ask for, one key per (node, field): the link types, the
// label at the other end and the stored direction narrow the links, and `limit` caps them per
// key AFTER ordering by the other end's id, so `partners(first: 20)` of a hub with thousands
// of partners ships 20 rows, not thousands. Ends are found through the id constraints.
// A key without matches gives no row. Rows carry the key's position `k` in $keys.
// params: $keys: [{id: str, types: [str], other_label: str|null, outgoing: bool|null,
//                  limit: int|null}]
UNWIND range(0, size($keys) - 1) AS k
WITH k, $keys[k] AS key
CALL (key) {
  MATCH (n:Organisation {id: key.id}) RETURN n
  UNION
  MATCH (n:Programme {id: key.id}) RETURN n
}
CALL (n, key) {
  MATCH (n)-[r]-(m)
  WHERE type(r) IN key.types AND m <> n
    AND (key.other_label IS NULL OR key.other_label IN labels(m))
    AND (key.outgoing IS NULL OR (startNode(r) = n) = key.outgoing)
  WITH r, m ORDER BY m.id, type(r)
  WITH collect([r, m]) AS found
  UNWIND CASE WHEN key.limit IS NULL THEN found ELSE found[..key.limit] END AS pair
  RETURN pair[0] AS r, pair[1] AS m
}
RETURN k, type(r) AS type, startNode(r) = n AS outgoing,
       m.id AS other_id,
       CASE WHEN m:Organisation THEN 'Organisation' ELSE 'Programme' END AS other_label,
       m.name AS other_name, coalesce(m.type, m.kind) AS other_type,
       coalesce(m.aliases, []) AS other_aliases,
       coalesce(r.ev_docs, []) AS docs, coalesce(r.ev_lines, []) AS lines,
       coalesce(r.ev_pages, []) AS pages, coalesce(r.ev_quotes, []) AS quotes
