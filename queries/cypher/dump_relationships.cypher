// Every relationship with its type, properties and the ids of its ends (tests compare two
// loads of the same data). params: none
// returns: source, type, target, props
MATCH (a)-[r]->(b)
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
