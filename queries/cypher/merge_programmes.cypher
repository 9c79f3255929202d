// Programmes, networks, initiatives by id; aliases kept sorted (independent of the order
// in which documents are loaded). params: $rows [{id, name, kind, aliases}]
UNWIND $rows AS row
MERGE (p:Programme {id: row.id})
ON CREATE SET p.name = row.name, p.kind = row.kind, p.aliases = []
SET p.kind = CASE WHEN p.kind = 'Sonstige' THEN row.kind ELSE p.kind END,
    p.aliases = COLLECT {
      UNWIND p.aliases + row.aliases AS a
      WITH DISTINCT a WHERE a <> p.name
      RETURN a ORDER BY a
    }
