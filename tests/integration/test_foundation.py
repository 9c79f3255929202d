"""The foundation against the real Neo4j: schema, a write and a read, probes over HTTP."""

from __future__ import annotations

import httpx
import pytest

from queries import db
from queries.errors import AuthError, DatabaseUnavailable
from queries.settings import Settings

pytestmark = pytest.mark.integration


def test_schema_is_idempotent_and_creates_constraints(graph: Settings) -> None:
    db.apply_schema(graph)
    db.apply_schema(graph)
    rows = db.read("SHOW CONSTRAINTS YIELD labelsOrTypes, properties", graph)
    constrained = {(r["labelsOrTypes"][0], r["properties"][0]) for r in rows}
    for label in ("Organisation", "Programme", "Measure", "Category", "Document"):
        assert (label, "id") in constrained
    indexes = {r["name"] for r in db.read("SHOW INDEXES YIELD name", graph)}
    assert "entity_names" in indexes
    assert db.counts(graph)["nodes"] == {"Category": 6}


def test_write_then_read_back(graph: Settings) -> None:
    db.write("MERGE (o:Organisation {id: $id}) SET o.name = $name", graph, id="x", name="Stadt X")
    db.write("MERGE (o:Organisation {id: $id}) SET o.name = $name", graph, id="x", name="Stadt X")
    rows = db.read("MATCH (o:Organisation) RETURN o.id AS id, o.name AS name", graph)
    assert rows == [{"id": "x", "name": "Stadt X"}]


def test_wrong_password_is_one_clear_error(neo4j_server: Settings) -> None:
    wrong = neo4j_server.model_copy(update={"neo4j_password": "not-the-password"})
    with pytest.raises(AuthError, match="NEO4J_PASSWORD"):
        db.ping(wrong)


def test_server_not_running_is_one_clear_error(neo4j_server: Settings) -> None:
    from tests.conftest import free_port

    nowhere = neo4j_server.model_copy(update={"neo4j_uri": f"bolt://127.0.0.1:{free_port()}"})
    with pytest.raises(DatabaseUnavailable, match="vielfalt neo4j start"):
        db.ping(nowhere)


def test_health_and_ready_over_http(http: httpx.Client) -> None:
    assert http.get("/health").json() == {"status": "ok"}
    ready = http.get("/ready")
    assert ready.status_code == 200, ready.text
    assert ready.json()["status"] == "ready"
