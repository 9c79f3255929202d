// A document's aliases leave its organisations and programmes unless another document
// names them too (aliases set by hand, which no document claims, stay). Runs before the
// document's MENTIONS are removed, in the same transaction; the caller refreshes the
// returned entities' search text. params: $doc
// returns: id
MATCH (d:Document {id: $doc})-[m:MENTIONS]->(n)
WHERE size(coalesce(m.aliases, [])) > 0
CALL (n, d) {
  OPTIONAL MATCH (other:Document)-[o:MENTIONS]->(n)
  WHERE other <> d
  UNWIND coalesce(o.aliases, []) AS a
  RETURN collect(DISTINCT a) AS kept
}
WITH n, [a IN m.aliases WHERE NOT a IN kept] AS gone
SET n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN gone]
RETURN n.id AS id
