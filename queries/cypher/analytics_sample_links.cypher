// Small hand-made graphs: typed links with one evidence entry per row (docs/graph-model.md).
// The type comes from queries.schema.LINK_TYPES, checked in Python.
// params: $rows [{source, type, target, doc, line, quote}]
UNWIND $rows AS row
MATCH (a {id: row.source}) WHERE a:Organisation OR a:Programme
MATCH (b {id: row.target}) WHERE b:Organisation OR b:Programme
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r.ev_docs = [], r.ev_lines = [], r.ev_pages = [], r.ev_quotes = []
SET r.ev_docs = r.ev_docs + row.doc, r.ev_lines = r.ev_lines + row.line,
    r.ev_pages = r.ev_pages + (-1), r.ev_quotes = r.ev_quotes + row.quote
