// Benchmark only (bench/api_bench.py): the ids of every organisation, to ask for random
// ones. params: none
// returns: id
MATCH (o:Organisation)
RETURN o.id AS id ORDER BY id
