// Store the folded search text (queries.folding) of nodes read by their element id.
// params: $rows: [{key: str, text: str}], $version: int
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.key
SET n.search_text = row.text, n.search_version = $version
