// Create typed links (or append evidence to existing ones): coordinator links and the links
// moved by a merge. The type is a RelType checked in Python, never raw user input.
// (Not MERGE: in Neo4j 5.26 a MERGE with a dynamic type scans all relationships per row.)
// params: $rows: [{source: str, target: str, type: str,
//                  docs: [str], lines: [int], pages: [int], quotes: [str]}]
UNWIND $rows AS row
MATCH (a:Organisation|Programme {id: row.source})
MATCH (b:Organisation|Programme {id: row.target})
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
  RETURN count(r) AS n
}
RETURN sum(n) AS written
