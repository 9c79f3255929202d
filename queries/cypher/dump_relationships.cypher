// Every relationship with its type, properties and its ends by labels and id (the graph's
// fingerprint, queries.fingerprint). params: none
// returns: source_labels, source, type, target_labels, target, props
MATCH (a)-[r]->(b)
RETURN labels(a) AS source_labels, a.id AS source, type(r) AS type,
       labels(b) AS target_labels, b.id AS target, properties(r) AS props
