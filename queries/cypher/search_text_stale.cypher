// Organisations and programmes whose search text predates the current folding rule.
// params: $version: int
// returns: key, name, aliases
CALL {
  MATCH (n:Organisation) WHERE coalesce(n.search_version, 0) <> $version RETURN n
  UNION
  MATCH (n:Programme) WHERE coalesce(n.search_version, 0) <> $version RETURN n
}
RETURN elementId(n) AS key, n.name AS name, coalesce(n.aliases, []) AS aliases
