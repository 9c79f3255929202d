// Those of the given organisations and programmes that nothing mentions or links: the
// bulk writer's orphan check, by index instead of a scan of all entities.
// params: $org_ids [str], $programme_ids [str]
CALL () {
  UNWIND $org_ids AS id
  MATCH (n:Organisation {id: id})
  RETURN n
  UNION
  UNWIND $programme_ids AS id
  MATCH (n:Programme {id: id})
  RETURN n
}
WITH n WHERE NOT (n)--()
DETACH DELETE n
