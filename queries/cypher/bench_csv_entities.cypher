// Benchmark only (bench/load_bench.py): Neo4j's own LOAD CSV of organisations and
// programmes, for comparison with the writer. The CSV lives in the server's import
// directory. params: $url (file:///...csv with columns label, id, name, type)
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row WHERE row.label = 'Organisation'
  MERGE (o:Organisation {id: row.id})
  ON CREATE SET o.name = row.name, o.type = row.type, o.aliases = [], o.search_text = row.name
} IN TRANSACTIONS OF 10000 ROWS
CALL (row) {
  WITH row WHERE row.label = 'Programme'
  MERGE (p:Programme {id: row.id})
  ON CREATE SET p.name = row.name, p.kind = row.type, p.aliases = [], p.search_text = row.name
} IN TRANSACTIONS OF 10000 ROWS
