// Lookups of measures by type and year. params: none
CREATE INDEX measure_type_year IF NOT EXISTS FOR (n:Measure) ON (n.type, n.year)
