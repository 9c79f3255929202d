// Organisations and programmes that nothing mentions or links any more. params: none
MATCH (n)
WHERE (n:Organisation OR n:Programme) AND NOT (n)--()
DETACH DELETE n
