// Hide a loaded document before its facts are replaced or removed: a single property
// write. `revision` counts the writes of a document; it is negative while one is under way
// (readers skip the document) and null on graphs written before revisions existed
// (visible, revision 0). params: $doc
MATCH (d:Document {id: $doc})
SET d.revision = -abs(coalesce(d.revision, 0)) - 1
