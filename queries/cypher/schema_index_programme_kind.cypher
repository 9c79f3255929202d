// Lookups of programmes by kind. params: none
CREATE INDEX programme_kind IF NOT EXISTS FOR (n:Programme) ON (n.kind)
