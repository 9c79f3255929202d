// Partners' report blocks in brochures (rows of one or several documents).
// params: $rows [{doc, org_id, categories, starts, ends}]
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (o:Organisation {id: row.org_id})
MERGE (o)-[b:REPORTED_IN]->(d)
SET b.categories = row.categories, b.starts = row.starts, b.ends = row.ends
