// Documents by id, for the API's DataLoader. params: $ids: [str]
// returns: id, title, path, loaded_at, publisher, year
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.title AS title, d.path AS path, toString(d.loaded_at) AS loaded_at,
       d.publisher AS publisher, d.year AS year
