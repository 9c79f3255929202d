// Each organisation and programme with the documents that name it or report a measure of
// it (for when it first appears). params: none
// returns: id, label, name, docs
MATCH (n)
WHERE n:Organisation OR n:Programme
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(n)
WITH n, collect(d.id) AS named
OPTIONAL MATCH (n)-[:REPORTS]->(m:Measure)
WITH n, named, collect(DISTINCT m.doc) AS reported
RETURN n.id AS id, CASE WHEN n:Organisation THEN 'Organisation' ELSE 'Programme' END AS label,
       n.name AS name, named + reported AS docs
ORDER BY id
