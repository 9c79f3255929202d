// Typed links with evidence appended (the document's old entries were removed first).
// Ends are found by label through the id constraints (static labels, so the indexes are
// used); the type is a value from the closed enum of queries/schema.py, checked in Python.
// params: $rows [{source_label, source_id, type, target_label, target_id,
//                 docs, lines, pages, quotes}]
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (o:Organisation {id: row.source_id}) WHERE row.source_label = 'Organisation'
  OPTIONAL MATCH (p:Programme {id: row.source_id}) WHERE row.source_label = 'Programme'
  RETURN coalesce(o, p) AS a
}
CALL (row) {
  OPTIONAL MATCH (o:Organisation {id: row.target_id}) WHERE row.target_label = 'Organisation'
  OPTIONAL MATCH (p:Programme {id: row.target_id}) WHERE row.target_label = 'Programme'
  RETURN coalesce(o, p) AS b
}
WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r.ev_docs = [], r.ev_lines = [], r.ev_pages = [], r.ev_quotes = []
SET r.ev_docs = r.ev_docs + row.docs, r.ev_lines = r.ev_lines + row.lines,
    r.ev_pages = r.ev_pages + row.pages, r.ev_quotes = r.ev_quotes + row.quotes
