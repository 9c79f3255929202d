// Benchmark only (bench/load_bench.py): Neo4j's own LOAD CSV of typed links with one
// evidence entry each, MERGEd like merge_links.cypher (ends by label, one MERGE per type,
// evidence appended), committed every 10,000 rows. params: $url (file:///...csv with
// columns source_label, source_id, type, target_label, target_id, doc, line, page, quote)
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  OPTIONAL MATCH (o:Organisation {id: row.source_id}) WHERE row.source_label = 'Organisation'
  OPTIONAL MATCH (p:Programme {id: row.source_id}) WHERE row.source_label = 'Programme'
  WITH row, coalesce(o, p) AS a
  OPTIONAL MATCH (o:Organisation {id: row.target_id}) WHERE row.target_label = 'Organisation'
  OPTIONAL MATCH (p:Programme {id: row.target_id}) WHERE row.target_label = 'Programme'
  WITH row, a, coalesce(o, p) AS b WHERE a IS NOT NULL AND b IS NOT NULL
  CALL (a, b, row) {
    WITH * WHERE row.type = 'COOPERATES_WITH'
    MERGE (a)-[r:COOPERATES_WITH]->(b)
    ON CREATE SET r.ev_docs = [], r.ev_lines = [], r.ev_pages = [], r.ev_quotes = []
    SET r.ev_docs = r.ev_docs + row.doc, r.ev_lines = r.ev_lines + toInteger(row.line),
        r.ev_pages = r.ev_pages + toInteger(row.page), r.ev_quotes = r.ev_quotes + row.quote
  }
  CALL (a, b, row) {
    WITH * WHERE row.type = 'PARTICIPATES_IN'
    MERGE (a)-[r:PARTICIPATES_IN]->(b)
    ON CREATE SET r.ev_docs = [], r.ev_lines = [], r.ev_pages = [], r.ev_quotes = []
    SET r.ev_docs = r.ev_docs + row.doc, r.ev_lines = r.ev_lines + toInteger(row.line),
        r.ev_pages = r.ev_pages + toInteger(row.page), r.ev_quotes = r.ev_quotes + row.quote
  }
  CALL (a, b, row) {
    WITH * WHERE row.type = 'SIGNED'
    MERGE (a)-[r:SIGNED]->(b)
    ON CREATE SET r.ev_docs = [], r.ev_lines = [], r.ev_pages = [], r.ev_quotes = []
    SET r.ev_docs = r.ev_docs + row.doc, r.ev_lines = r.ev_lines + toInteger(row.line),
        r.ev_pages = r.ev_pages + toInteger(row.page), r.ev_quotes = r.ev_quotes + row.quote
  }
  CALL (a, b, row) {
    WITH * WHERE row.type = 'FUNDED_BY'
    MERGE (a)-[r:FUNDED_BY]->(b)
    ON CREATE SET r.ev_docs = [], r.ev_lines = [], r.ev_pages = [], r.ev_quotes = []
    SET r.ev_docs = r.ev_docs + row.doc, r.ev_lines = r.ev_lines + toInteger(row.line),
        r.ev_pages = r.ev_pages + toInteger(row.page), r.ev_quotes = r.ev_quotes + row.quote
  }
  CALL (a, b, row) {
    WITH * WHERE row.type = 'PART_OF'
    MERGE (a)-[r:PART_OF]->(b)
    ON CREATE SET r.ev_docs = [], r.ev_lines = [], r.ev_pages = [], r.ev_quotes = []
    SET r.ev_docs = r.ev_docs + row.doc, r.ev_lines = r.ev_lines + toInteger(row.line),
        r.ev_pages = r.ev_pages + toInteger(row.page), r.ev_quotes = r.ev_quotes + row.quote
  }
  CALL (a, b, row) {
    WITH * WHERE row.type = 'ORGANISED_BY'
    MERGE (a)-[r:ORGANISED_BY]->(b)
    ON CREATE SET r.ev_docs = [], r.ev_lines = [], r.ev_pages = [], r.ev_quotes = []
    SET r.ev_docs = r.ev_docs + row.doc, r.ev_lines = r.ev_lines + toInteger(row.line),
        r.ev_pages = r.ev_pages + toInteger(row.page), r.ev_quotes = r.ev_quotes + row.quote
  }
} IN TRANSACTIONS OF 10000 ROWS
