"""A routing URI (``neo4j://``, as for a cluster or Aura) against the single local server."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from queries import db
from queries.settings import Settings
from queries.statements import statement
from vielfalt import neo4j_local

pytestmark = pytest.mark.integration


@pytest.fixture()
def routed(graph: Settings) -> Settings:
    uri = f"neo4j://{graph.bolt_host}:{graph.bolt_port}"
    return graph.model_copy(update={"neo4j_uri": uri})


def test_routing_driver_reads_its_own_writes(routed: Settings) -> None:
    assert routed.neo4j_routing and not routed.neo4j_tls
    db.ping(routed)
    row = {"id": "routing.txt", "path": "routing.txt", "sha256": "x", "title": "R"}
    db.write(statement("merge_documents"), routed, rows=[row])
    assert db.read(statement("document_hash"), routed, id="routing.txt") == [
        {"sha256": "x", "visible": False}
    ]
    assert "Document" not in db.counts(routed)["nodes"]  # hidden: statistics leave it out
    db.write(statement("publish_documents"), routed, ids=["routing.txt"])
    assert db.counts(routed)["nodes"]["Document"] == 1


def test_local_lifecycle_understands_routing_uris(routed: Settings) -> None:
    st = neo4j_local.status(routed)
    assert st.bolt and routed.neo4j_is_local and routed.bolt_port > 0


def test_cli_with_a_routing_uri(routed: Settings) -> None:
    env = {**os.environ, "NEO4J_URI": routed.neo4j_uri}
    done = subprocess.run(
        [sys.executable, "-m", "vielfalt.cli", "db", "counts"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_tls_uris_are_remote_and_routed() -> None:
    s = Settings(NEO4J_URI="neo4j+s://abcd1234.databases.neo4j.io")
    assert s.neo4j_routing and s.neo4j_tls and not s.neo4j_is_local
    assert (s.bolt_host, s.bolt_port) == ("abcd1234.databases.neo4j.io", 7687)
    assert not Settings(NEO4J_URI="bolt://127.0.0.1:7687").neo4j_routing
