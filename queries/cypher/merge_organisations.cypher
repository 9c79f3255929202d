// Organisations by id; a later document adds aliases and refines a 'Sonstige' type.
// params: $rows [{id, name, type, aliases}]
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
ON CREATE SET o.name = row.name, o.type = row.type, o.aliases = []
SET o.type = CASE WHEN o.type = 'Sonstige' THEN row.type ELSE o.type END,
    o.aliases = reduce(acc = o.aliases, a IN row.aliases |
                       CASE WHEN a IN acc OR a = o.name THEN acc ELSE acc + a END)
