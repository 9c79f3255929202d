// Programmes, networks, initiatives by id. params: $rows [{id, name, kind, aliases}]
UNWIND $rows AS row
MERGE (p:Programme {id: row.id})
ON CREATE SET p.name = row.name, p.kind = row.kind, p.aliases = []
SET p.kind = CASE WHEN p.kind = 'Sonstige' THEN row.kind ELSE p.kind END,
    p.aliases = reduce(acc = p.aliases, a IN row.aliases |
                       CASE WHEN a IN acc OR a = p.name THEN acc ELSE acc + a END)
