// Organisations per type, for the statistics. params: none
MATCH (o:Organisation)
RETURN coalesce(o.type, 'Sonstige') AS type, count(*) AS n ORDER BY type
