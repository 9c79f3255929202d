// Every document with its title, publisher and report year: the year the loader read from
// the text (loaders.source.document_meta), else the year most of its dated measures carry (the
// later one on a tie; documents loaded before years were stored), null when none is known.
// Documents of the request's view `$hidden` are left out (docs/reliability.md).
// params: $hidden: [str] (queries/view.py)
// returns: id, title, path, loaded_at, publisher, year
MATCH (d:Document)
WHERE NOT d.id IN $hidden
OPTIONAL MATCH (m:Measure)-[:FROM_DOCUMENT]->(d)
WHERE m.year IS NOT NULL AND d.year IS NULL
WITH d, m.year AS year, count(m) AS n
ORDER BY n DESC, year DESC
WITH d, collect(year)[0] AS year
RETURN d.id AS id, coalesce(d.title, d.id) AS title, d.path AS path,
       toString(d.loaded_at) AS loaded_at, d.publisher AS publisher, coalesce(d.year, year) AS year
ORDER BY id
