// Uniqueness of Measure ids. params: none
CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (n:Measure) REQUIRE n.id IS UNIQUE
