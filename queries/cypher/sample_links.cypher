// Test and benchmark graphs (queries.sample_graph): typed links keyed by (source, type,
// target), created or found, their evidence lists set to the row's (so a rerun changes
// nothing). Ends are found through the id constraints (one index seek per label); the type
// is a RelType checked in Python. (Not MERGE: in Neo4j 5.26 a MERGE with a dynamic type
// scans all relationships per row.)
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
CALL (a, b, row) {
  OPTIONAL MATCH (a)-[old]->(b) WHERE type(old) = row.type
  WITH a, b, row, old LIMIT 1
  CALL (a, b, row, old) {
    WITH * WHERE old IS NULL
    CREATE (a)-[new:$(row.type)]->(b)
    RETURN new AS r
    UNION
    WITH * WHERE old IS NOT NULL
    RETURN old AS r
  }
  SET r.ev_docs = row.docs, r.ev_lines = row.lines, r.ev_pages = row.pages,
      r.ev_quotes = row.quotes
}
