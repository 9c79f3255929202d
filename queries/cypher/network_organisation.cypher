// One organisation's own properties. params: $id (str)
MATCH (o:Organisation {id: $id})
RETURN o.id AS id, o.name AS name, o.type AS type, coalesce(o.aliases, []) AS aliases
