// Measures of one document (stale-data removal on reload). params: none
CREATE INDEX measure_doc IF NOT EXISTS FOR (n:Measure) ON (n.doc)
