// Full-text index over names and aliases of organisations and programmes;
// `search_text` holds the name and all aliases folded by queries.folding (ä -> ae and
// ä -> a, hyphens dropped); the analyzer folds accents of `name` (ä -> a). params: none
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Organisation|Programme) ON EACH [n.name, n.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
