// Remove a document's mentions, report blocks and measures before its new facts are
// written (same transaction). params: $doc
OPTIONAL MATCH (d:Document {id: $doc})
OPTIONAL MATCH (d)-[m:MENTIONS]->()
DELETE m
WITH DISTINCT d
OPTIONAL MATCH ()-[b:REPORTED_IN]->(d)
DELETE b
WITH DISTINCT d
OPTIONAL MATCH (ms:Measure {doc: $doc})
DETACH DELETE ms
