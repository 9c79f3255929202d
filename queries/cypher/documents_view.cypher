// The view of a request (queries/view.py; docs/reliability.md, "Whole documents during a
// load"): the count of document changes, then the documents hidden (a write under way),
// then the count again. At a request's start the first count and the hidden documents are
// its view; at its end the hidden documents and the second count tell whether a document
// changed under it. Index seeks only: the cost does not grow with the graph.
// params: none
// returns: changes, hidden, changes_after
CALL () {
  OPTIONAL MATCH (c:Category {id: 1})
  RETURN coalesce(c.document_changes, 0) AS changes
}
CALL (changes) {
  MATCH (d:Document)
  WHERE d.revision < 0 AND changes IS NOT NULL
  RETURN collect(d.id) AS hidden
}
CALL (hidden) {
  OPTIONAL MATCH (c:Category {id: 1})
  WHERE hidden IS NOT NULL
  RETURN coalesce(c.document_changes, 0) AS changes_after
}
RETURN changes, hidden, changes_after
