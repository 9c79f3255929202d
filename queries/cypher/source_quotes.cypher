// The sentences the graph cites from one line of a document: evidence of links between
// entities the document names, its measures, and where it names entities.
// params: $doc: str, $line: int
// returns: quote
MATCH (d:Document {id: $doc})
CALL (d) {
  MATCH (m:Measure)-[:FROM_DOCUMENT]->(d)
  WHERE m.line = $line AND m.quote IS NOT NULL
  RETURN m.quote AS quote
  UNION
  MATCH (d)-[m:MENTIONS]->()
  UNWIND range(0, size(coalesce(m.lines, [])) - 1) AS i
  WITH m, i WHERE m.lines[i] = $line AND m.quotes[i] IS NOT NULL
  RETURN m.quotes[i] AS quote
  UNION
  MATCH (d)-[:MENTIONS]->(n)-[r]-()
  WHERE r.ev_docs IS NOT NULL
  UNWIND range(0, size(r.ev_docs) - 1) AS i
  WITH r, i WHERE r.ev_docs[i] = $doc AND r.ev_lines[i] = $line
  RETURN r.ev_quotes[i] AS quote
}
RETURN DISTINCT quote
ORDER BY quote
