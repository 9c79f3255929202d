// Where the given organisations or programmes are named (MENTIONS), per document.
// Whole documents only (docs/reliability.md, "Whole documents during a load"): mentions by documents
// of the request's view `$hidden` are left out.
// params: $ids: [str], $hidden: [str] (queries/view.py)
// returns: id, doc, lines, pages, quotes
UNWIND $ids AS id
MATCH (d:Document)-[m:MENTIONS]->(:Organisation|Programme {id: id})
WHERE NOT d.id IN $hidden
RETURN id, d.id AS doc, coalesce(m.lines, []) AS lines, coalesce(m.pages, []) AS pages,
       coalesce(m.quotes, []) AS quotes
ORDER BY d.id
