// Test and benchmark graphs: typed links with evidence lists (types checked against
// queries.schema.LINK_TYPES in Python before this runs).
// params: $rows [{source_label, source_id, type, target_label, target_id,
//                 docs, lines, pages, quotes}]
UNWIND $rows AS row
MATCH (a:$(row.source_label) {id: row.source_id})
MATCH (b:$(row.target_label) {id: row.target_id})
MERGE (a)-[r:$(row.type)]->(b)
SET r.ev_docs = row.docs, r.ev_lines = row.lines, r.ev_pages = row.pages,
    r.ev_quotes = row.quotes
