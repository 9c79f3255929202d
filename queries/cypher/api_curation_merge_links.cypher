// Create typed links (or append evidence to existing ones): coordinator links and the links
// moved by a merge. The type is a RelType checked in Python, never raw user input.
// params: $rows: [{source: str, target: str, type: str,
//                  docs: [str], lines: [int], pages: [int], quotes: [str]}]
UNWIND $rows AS row
MATCH (a:Organisation|Programme {id: row.source})
MATCH (b:Organisation|Programme {id: row.target})
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r.ev_docs = [], r.ev_lines = [], r.ev_pages = [], r.ev_quotes = []
SET r.ev_docs = r.ev_docs + row.docs, r.ev_lines = r.ev_lines + row.lines,
    r.ev_pages = r.ev_pages + row.pages, r.ev_quotes = r.ev_quotes + row.quotes
RETURN count(r) AS written
