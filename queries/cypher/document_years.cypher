// Every document with its title and report year: the year most of its dated measures
// carry (the later one on a tie), null when none is dated. params: none
// returns: id, title, path, loaded_at, year
MATCH (d:Document)
OPTIONAL MATCH (m:Measure)-[:FROM_DOCUMENT]->(d)
WHERE m.year IS NOT NULL
WITH d, m.year AS year, count(m) AS n
ORDER BY n DESC, year DESC
WITH d, collect(year)[0] AS year
RETURN d.id AS id, coalesce(d.title, d.id) AS title, d.path AS path,
       toString(d.loaded_at) AS loaded_at, year
ORDER BY id
