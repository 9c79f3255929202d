// Names and aliases of organisations and programmes, for computing their search text.
// params: $ids: [str]
// returns: key, name, aliases
CALL {
  MATCH (n:Organisation) WHERE n.id IN $ids RETURN n
  UNION
  MATCH (n:Programme) WHERE n.id IN $ids RETURN n
}
RETURN elementId(n) AS key, n.name AS name, coalesce(n.aliases, []) AS aliases
