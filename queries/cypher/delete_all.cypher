// Remove every node and relationship, in batches (tests and `vielfalt db reset`). params: none
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
