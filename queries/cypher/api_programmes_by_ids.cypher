// Programmes by id, for the API's DataLoader. params: $ids: [str]
// returns: id, name, kind, aliases
UNWIND $ids AS id
MATCH (p:Programme {id: id})
RETURN p.id AS id, p.name AS name, p.kind AS kind, coalesce(p.aliases, []) AS aliases
