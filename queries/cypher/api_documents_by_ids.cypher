// Documents by id, for the API's DataLoader. The year is the one the loader read from the
// text, else (graphs loaded before years were stored) the year most of the document's
// dated measures carry, the later one on a tie - as in document_years.cypher.
// Documents of the request's view `$hidden` are left out (docs/reliability.md).
// params: $ids: [str], $hidden: [str] (queries/view.py)
// returns: id, title, path, loaded_at, publisher, year
UNWIND $ids AS id
MATCH (d:Document {id: id})
WHERE NOT d.id IN $hidden
CALL (d) {
  OPTIONAL MATCH (m:Measure)-[:FROM_DOCUMENT]->(d)
  WHERE d.year IS NULL AND m.year IS NOT NULL
  WITH m.year AS year, count(m) AS n
  ORDER BY n DESC, year DESC
  RETURN collect(year)[0] AS estimated
}
RETURN d.id AS id, d.title AS title, d.path AS path, toString(d.loaded_at) AS loaded_at,
       d.publisher AS publisher, coalesce(d.year, estimated) AS year
