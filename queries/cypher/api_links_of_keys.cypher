// The typed links that GraphQL fields ask for, one key per (node, field): the link types, the
// label at the other end and the stored direction narrow the links, and `limit` caps them per
// key AFTER ordering by the other end's id, so `partners(first: 20)` of a hub with thousands
// of partners ships 20 rows, not thousands. Ends are found through the id constraints.
// One row in all: `found` holds one entry per key that has links (fewer, larger records: the
// driver's per-record cost was a third of its time), each with the key's position `k` in
// $keys and the list of its links.
// Whole documents only (docs/reliability.md, "Whole documents during a load"): evidence of
// the documents of the request's view `$hidden` is left out, and links with no other
// evidence, before the limit; `hidden` is `$hidden` (the caller drops their entries).
// params: $keys: [{id: str, types: [str], other_label: str|null, outgoing: bool|null,
//                  limit: int|null}], $hidden: [str] (queries/view.py)
// Only the evidence lists a key names are read (`evidence`: some of 'line', 'page', 'quote',
// 'year'; null: none, not even the document ids), so a page showing `docId line` does not
// ship every sentence; hidden documents are still judged on the stored ids.
// returns: found, hidden
CALL () {
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
      AND (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
           OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden))
    WITH r, m ORDER BY m.id, type(r)
    WITH collect([r, m]) AS found
    UNWIND CASE WHEN key.limit IS NULL THEN found ELSE found[..key.limit] END AS pair
    RETURN pair[0] AS r, pair[1] AS m
  }
  WITH k, collect({type: type(r), outgoing: startNode(r) = n, other_id: m.id,
                   other_label: CASE WHEN m:Organisation THEN 'Organisation' ELSE 'Programme' END,
                   other_name: m.name, other_type: coalesce(m.type, m.kind),
                   other_aliases: coalesce(m.aliases, []),
                   docs: CASE WHEN key.evidence IS NULL THEN [] ELSE coalesce(r.ev_docs, []) END,
                   lines: CASE WHEN 'line' IN key.evidence THEN coalesce(r.ev_lines, []) ELSE [] END,
                   pages: CASE WHEN 'page' IN key.evidence THEN coalesce(r.ev_pages, []) ELSE [] END,
                   quotes: CASE WHEN 'quote' IN key.evidence
                                THEN coalesce(r.ev_quotes, []) ELSE [] END,
                   years: CASE WHEN 'year' IN key.evidence
                               THEN coalesce(r.ev_years, []) ELSE [] END}) AS links
  RETURN collect({k: k, links: links}) AS found
}
RETURN found, $hidden AS hidden
