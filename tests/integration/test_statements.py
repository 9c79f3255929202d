"""Every named Cypher statement compiles against the real Neo4j (EXPLAIN plans, runs nothing)."""

from __future__ import annotations

import pytest

from queries import db
from queries.settings import Settings
from queries.statements import all_statements

pytestmark = pytest.mark.integration

_QUERIES = {k: v for k, v in all_statements().items() if not k.startswith("schema_")}


@pytest.mark.parametrize("name", sorted(_QUERIES))
def test_statement_compiles(name: str, neo4j_server: Settings) -> None:
    db.read("EXPLAIN " + _QUERIES[name], neo4j_server)


def test_every_statement_documents_its_params() -> None:
    for name, text in all_statements().items():
        assert text.lstrip().startswith("//"), f"{name}.cypher lacks its header comment"
        assert "params" in text.split("\n\n")[0], f"{name}.cypher: header must list params"
