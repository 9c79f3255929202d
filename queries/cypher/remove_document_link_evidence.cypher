// Links lose a document's evidence entries and disappear when none is left.
// params: $doc, $types (the link types of queries.schema.LINK_TYPES)
MATCH ()-[r]->()
WHERE type(r) IN $types AND $doc IN r.ev_docs
WITH r, [i IN range(0, size(r.ev_docs) - 1) WHERE r.ev_docs[i] <> $doc] AS keep
SET r.ev_docs = [i IN keep | r.ev_docs[i]],
    r.ev_lines = [i IN keep | r.ev_lines[i]],
    r.ev_pages = [i IN keep | r.ev_pages[i]],
    r.ev_quotes = [i IN keep | r.ev_quotes[i]],
    r.ev_years = [i IN keep | coalesce(r.ev_years[i], -1)]
WITH r WHERE size(r.ev_docs) = 0
DELETE r
