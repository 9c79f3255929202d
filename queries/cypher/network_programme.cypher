// One programme's own properties. params: $id (str)
MATCH (p:Programme {id: $id})
RETURN p.id AS id, p.name AS name, p.kind AS type, coalesce(p.aliases, []) AS aliases
