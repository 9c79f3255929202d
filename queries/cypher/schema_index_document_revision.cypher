// Hidden documents (negative revision: a write under way or interrupted) by a range seek, so
// the readers that leave them out look at them only. params: none
CREATE INDEX document_revision IF NOT EXISTS FOR (n:Document) ON (n.revision)
