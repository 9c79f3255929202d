// Organisations by id, for the API's DataLoader (one batch per request level).
// params: $ids: [str]
// returns: id, name, type, aliases
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
RETURN o.id AS id, o.name AS name, o.type AS type, coalesce(o.aliases, []) AS aliases
