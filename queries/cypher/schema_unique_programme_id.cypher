// Uniqueness of Programme ids. params: none
CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE
