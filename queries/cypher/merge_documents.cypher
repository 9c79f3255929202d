// Source documents with their content hashes, hidden (negative `revision`) until
// publish_documents runs after the commit. params: $rows [{id, path, sha256, title, publisher, year}]
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.path = row.path, d.sha256 = row.sha256, d.title = row.title, d.publisher = row.publisher,
    d.year = row.year, d.loaded_at = datetime(),
    d.revision = CASE WHEN coalesce(d.revision, 0) < 0 THEN d.revision
                      ELSE -coalesce(d.revision, 0) - 1 END
