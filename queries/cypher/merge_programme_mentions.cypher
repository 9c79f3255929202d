// Where a document names programmes: the evidence of the nodes.
// params: $doc, $rows [{id, lines, pages, quotes, aliases}]
// aliases: the names this document gives the entity (removed with the document)
MATCH (d:Document {id: $doc})
UNWIND $rows AS row
MATCH (n:Programme {id: row.id})
MERGE (d)-[m:MENTIONS]->(n)
SET m.lines = row.lines, m.pages = row.pages, m.quotes = row.quotes, m.aliases = row.aliases
