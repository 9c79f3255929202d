// Organisations and programmes whose name or alias contains the search text (case-folded).
// params: $text (str, lower case), $first (int)
MATCH (n)
WHERE (n:Organisation OR n:Programme)
  AND toLower(coalesce(n.search_text, n.name)) CONTAINS $text
RETURN CASE WHEN n:Organisation THEN 'org' ELSE 'prog' END AS kind, n.id AS id,
       n.name AS name, coalesce(n.type, n.kind) AS type,
       CASE WHEN toLower(n.name) STARTS WITH $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, size(n.name), n.name
LIMIT $first
