// The six fields of action. params: $rows: [{id: int, name: str}]
UNWIND $rows AS row
MERGE (c:Category {id: row.id})
SET c.name = row.name
