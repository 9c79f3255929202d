// Every node with its labels and properties (tests compare two loads of the same data).
// params: none
// returns: labels, props
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
