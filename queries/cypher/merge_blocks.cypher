// A partner's report blocks in a brochure. params: $doc, $rows [{org_id, categories, starts, ends}]
MATCH (d:Document {id: $doc})
UNWIND $rows AS row
MATCH (o:Organisation {id: row.org_id})
MERGE (o)-[b:REPORTED_IN]->(d)
SET b.categories = row.categories, b.starts = row.starts, b.ends = row.ends
