// Test and benchmark graphs (queries.sample_graph): links known to be new (the caller
// guarantees that no link of that type joins the two ends yet), so they are CREATEd without
// looking for an old one. Ends are found through the id constraints (one index seek per
// label, no label disjunction); the type is a RelType checked in Python.
// params: $rows: [{source: str, target: str, type: str,
//                  docs: [str], lines: [int], pages: [int], quotes: [str]}]
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Organisation {id: row.source}) RETURN a
  UNION
  MATCH (a:Programme {id: row.source}) RETURN a
}
CALL (row) {
  MATCH (b:Organisation {id: row.target}) RETURN b
  UNION
  MATCH (b:Programme {id: row.target}) RETURN b
}
CREATE (a)-[r:$(row.type)]->(b)
SET r.ev_docs = row.docs, r.ev_lines = row.lines, r.ev_pages = row.pages,
    r.ev_quotes = row.quotes
