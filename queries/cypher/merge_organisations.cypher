// Organisations by id; a later document adds aliases and refines a 'Sonstige' type.
// Aliases are kept sorted, so the order in which documents are (re)loaded cannot change them.
// params: $rows [{id, name, type, aliases}]
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
ON CREATE SET o.name = row.name, o.type = row.type, o.aliases = []
SET o.type = CASE WHEN o.type = 'Sonstige' THEN row.type ELSE o.type END,
    o.aliases = COLLECT {
      UNWIND o.aliases + row.aliases AS a
      WITH DISTINCT a WHERE a <> o.name
      RETURN a ORDER BY a
    }
