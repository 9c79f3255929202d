// One organisation by id (does it exist, and its name). params: $id: str
MATCH (o:Organisation {id: $id})
RETURN o.id AS id, o.name AS name
