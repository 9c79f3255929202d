// Typed links with evidence appended (the document's old entries were removed first).
// Ends are found by label through the id constraints; the type is a value from the closed
// enum of queries/schema.py, checked in Python. An existing link is found by matching from
// its ends (not MERGE: in 5.26 a MERGE with a dynamic type scans all relationships).
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
CALL (a, b, row) {
  OPTIONAL MATCH (a)-[old]->(b) WHERE type(old) = row.type
  WITH a, b, row, old LIMIT 1
  CALL (a, b, row, old) {
    WITH * WHERE old IS NULL
    CREATE (a)-[new:$(row.type)]->(b)
    SET new.ev_docs = [], new.ev_lines = [], new.ev_pages = [], new.ev_quotes = []
    RETURN new AS r
    UNION
    WITH * WHERE old IS NOT NULL
    RETURN old AS r
  }
  SET r.ev_docs = r.ev_docs + row.docs, r.ev_lines = r.ev_lines + row.lines,
      r.ev_pages = r.ev_pages + row.pages, r.ev_quotes = r.ev_quotes + row.quotes
}
