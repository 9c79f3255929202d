// Readiness probe. params: none
RETURN 1 AS ok
