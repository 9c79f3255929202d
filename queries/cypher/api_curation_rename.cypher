// Rename an organisation; the old name becomes an alias so searches for it keep working.
// params: $id: str, $name: str
MATCH (o:Organisation {id: $id})
WITH o, o.name AS old_name
SET o.name = $name,
    o.aliases = reduce(acc = [], a IN coalesce(o.aliases, []) + [old_name] |
                       CASE WHEN a = $name OR a IN acc THEN acc ELSE acc + a END)
RETURN o.id AS id, old_name
