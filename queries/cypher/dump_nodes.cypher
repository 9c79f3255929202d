// Every node with its labels and properties (the graph's fingerprint, queries.fingerprint).
// params: none
// returns: labels, props
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
