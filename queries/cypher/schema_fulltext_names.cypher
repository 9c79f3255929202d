// Full-text index over names and aliases of organisations and programmes;
// `search_text` holds the name and all aliases. Accents folded (ä -> a). params: none
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Organisation|Programme) ON EACH [n.name, n.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
