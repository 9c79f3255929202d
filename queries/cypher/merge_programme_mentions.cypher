// Where documents name programmes: the evidence of the nodes (rows of one or several
// documents). params: $rows [{doc, id, lines, pages, quotes, aliases}]
// aliases: the names the row's document gives the entity (removed with the document)
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (n:Programme {id: row.id})
MERGE (d)-[m:MENTIONS]->(n)
SET m.lines = row.lines, m.pages = row.pages, m.quotes = row.quotes, m.aliases = row.aliases
