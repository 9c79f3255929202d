// Where the given organisations or programmes are named (MENTIONS), per document.
// params: $ids: [str]
// returns: id, doc, lines, pages, quotes
UNWIND $ids AS id
MATCH (d:Document)-[m:MENTIONS]->(:Organisation|Programme {id: id})
RETURN id, d.id AS doc, coalesce(m.lines, []) AS lines, coalesce(m.pages, []) AS pages,
       coalesce(m.quotes, []) AS quotes
ORDER BY d.id
