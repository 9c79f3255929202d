// A document's aliases leave its organisations and programmes unless another document
// names them too (aliases set by hand, which no document claims, stay). Runs before the
// document's MENTIONS are removed, in the same transaction. params: $doc
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
SET n.search_text = reduce(s = n.name, a IN n.aliases | s + ' | ' + a)
