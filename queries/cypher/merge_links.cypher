// Typed links with evidence appended (the document's old entries were removed first).
// Labels and types come from the closed enums of queries/schema.py, checked in Python.
// params: $rows [{source_label, source_id, type, target_label, target_id,
//                 docs, lines, pages, quotes}]
UNWIND $rows AS row
MATCH (a:$(row.source_label) {id: row.source_id})
MATCH (b:$(row.target_label) {id: row.target_id})
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r.ev_docs = [], r.ev_lines = [], r.ev_pages = [], r.ev_quotes = []
SET r.ev_docs = r.ev_docs + row.docs, r.ev_lines = r.ev_lines + row.lines,
    r.ev_pages = r.ev_pages + row.pages, r.ev_quotes = r.ev_quotes + row.quotes
