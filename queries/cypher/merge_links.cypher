// Typed links with evidence appended (the document's old entries were removed first).
// Ends are found by label through the id constraints. The type is a value checked in Python
// against the closed enum of queries/schema.py; each type has its own MERGE with the type
// spelled out, because a MERGE or MATCH with a dynamic type ($(row.type)) cannot use the
// relationship-type grouping of dense nodes and was 2-10x slower on hubs (BENCHMARKS.md).
// A new link takes the row's evidence as it is (one write per list instead of two).
// ev_years runs beside ev_docs: the year of each piece of evidence, -1 unknown (a row
// without years, from a coordinator's correction, gets -1s; an older link gets them too).
// params: $rows [{source_label, source_id, type, target_label, target_id,
//                 docs, lines, pages, quotes, years?}]
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
  WITH * WHERE row.type = 'COOPERATES_WITH'
  MERGE (a)-[r:COOPERATES_WITH]->(b)
  ON CREATE SET r.ev_docs = row.docs, r.ev_lines = row.lines, r.ev_pages = row.pages,
                r.ev_quotes = row.quotes,
                r.ev_years = coalesce(row.years, [d IN row.docs | -1])
  ON MATCH SET r.ev_years = coalesce(r.ev_years, [d IN r.ev_docs | -1])
                            + coalesce(row.years, [d IN row.docs | -1]),
               r.ev_docs = r.ev_docs + row.docs, r.ev_lines = r.ev_lines + row.lines,
               r.ev_pages = r.ev_pages + row.pages, r.ev_quotes = r.ev_quotes + row.quotes
}
CALL (a, b, row) {
  WITH * WHERE row.type = 'PARTICIPATES_IN'
  MERGE (a)-[r:PARTICIPATES_IN]->(b)
  ON CREATE SET r.ev_docs = row.docs, r.ev_lines = row.lines, r.ev_pages = row.pages,
                r.ev_quotes = row.quotes,
                r.ev_years = coalesce(row.years, [d IN row.docs | -1])
  ON MATCH SET r.ev_years = coalesce(r.ev_years, [d IN r.ev_docs | -1])
                            + coalesce(row.years, [d IN row.docs | -1]),
               r.ev_docs = r.ev_docs + row.docs, r.ev_lines = r.ev_lines + row.lines,
               r.ev_pages = r.ev_pages + row.pages, r.ev_quotes = r.ev_quotes + row.quotes
}
CALL (a, b, row) {
  WITH * WHERE row.type = 'SIGNED'
  MERGE (a)-[r:SIGNED]->(b)
  ON CREATE SET r.ev_docs = row.docs, r.ev_lines = row.lines, r.ev_pages = row.pages,
                r.ev_quotes = row.quotes,
                r.ev_years = coalesce(row.years, [d IN row.docs | -1])
  ON MATCH SET r.ev_years = coalesce(r.ev_years, [d IN r.ev_docs | -1])
                            + coalesce(row.years, [d IN row.docs | -1]),
               r.ev_docs = r.ev_docs + row.docs, r.ev_lines = r.ev_lines + row.lines,
               r.ev_pages = r.ev_pages + row.pages, r.ev_quotes = r.ev_quotes + row.quotes
}
CALL (a, b, row) {
  WITH * WHERE row.type = 'FUNDED_BY'
  MERGE (a)-[r:FUNDED_BY]->(b)
  ON CREATE SET r.ev_docs = row.docs, r.ev_lines = row.lines, r.ev_pages = row.pages,
                r.ev_quotes = row.quotes,
                r.ev_years = coalesce(row.years, [d IN row.docs | -1])
  ON MATCH SET r.ev_years = coalesce(r.ev_years, [d IN r.ev_docs | -1])
                            + coalesce(row.years, [d IN row.docs | -1]),
               r.ev_docs = r.ev_docs + row.docs, r.ev_lines = r.ev_lines + row.lines,
               r.ev_pages = r.ev_pages + row.pages, r.ev_quotes = r.ev_quotes + row.quotes
}
CALL (a, b, row) {
  WITH * WHERE row.type = 'PART_OF'
  MERGE (a)-[r:PART_OF]->(b)
  ON CREATE SET r.ev_docs = row.docs, r.ev_lines = row.lines, r.ev_pages = row.pages,
                r.ev_quotes = row.quotes,
                r.ev_years = coalesce(row.years, [d IN row.docs | -1])
  ON MATCH SET r.ev_years = coalesce(r.ev_years, [d IN r.ev_docs | -1])
                            + coalesce(row.years, [d IN row.docs | -1]),
               r.ev_docs = r.ev_docs + row.docs, r.ev_lines = r.ev_lines + row.lines,
               r.ev_pages = r.ev_pages + row.pages, r.ev_quotes = r.ev_quotes + row.quotes
}
CALL (a, b, row) {
  WITH * WHERE row.type = 'ORGANISED_BY'
  MERGE (a)-[r:ORGANISED_BY]->(b)
  ON CREATE SET r.ev_docs = row.docs, r.ev_lines = row.lines, r.ev_pages = row.pages,
                r.ev_quotes = row.quotes,
                r.ev_years = coalesce(row.years, [d IN row.docs | -1])
  ON MATCH SET r.ev_years = coalesce(r.ev_years, [d IN r.ev_docs | -1])
                            + coalesce(row.years, [d IN row.docs | -1]),
               r.ev_docs = r.ev_docs + row.docs, r.ev_lines = r.ev_lines + row.lines,
               r.ev_pages = r.ev_pages + row.pages, r.ev_quotes = r.ev_quotes + row.quotes
}
