"""Security defaults: local GraphiQL, switchable introspection, closed CORS, loopback bind,
masked internals, user errors logged once without a traceback, no server paths."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import httpx
import pytest

from graph_api.routes.graphiql import ASSETS
from queries import db
from queries.errors import DatabaseError
from queries.settings import REPO_ROOT, Settings

from .conftest import GQL, error_text
from .test_limits import _execute

pytestmark = pytest.mark.integration

Configure = Callable[..., Settings]
HTML = {"Accept": "text/html"}


def test_graphiql_comes_from_the_app(live_app: object, http: httpx.Client) -> None:
    page = http.get("/graphql", headers=HTML)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/static/graphiql/") for s in sources), sources
    assert "unpkg" not in page.text and "https://" not in page.text
    for src in sources:
        asset = http.get(src)
        assert (
            asset.status_code == 200
            and asset.content == (ASSETS / src.rsplit("/", 1)[1]).read_bytes()
        )
    assert http.get("/static/graphiql/README.md").status_code == 404


def test_graphiql_can_be_switched_off(
    live_app: object, http: httpx.Client, configure: Configure
) -> None:
    configure(GRAPHIQL_ENABLED="false")
    page = http.get("/graphql", headers=HTML)
    assert page.status_code == 404 and "GRAPHIQL_ENABLED" in page.text
    assert http.get("/static/graphiql/graphiql.min.js").status_code == 404


def test_introspection_can_be_switched_off(small: Settings, gql: GQL, configure: Configure) -> None:
    q = "{ __schema { queryType { name } } }"
    assert gql(q)["data"]["__schema"]["queryType"]["name"] == "Query"
    configure(GRAPHQL_INTROSPECTION="false")
    assert "Introspektion ist auf diesem Server abgeschaltet" in error_text(gql(q))
    assert "Introspektion" in error_text(gql('{ __type(name: "Query") { name } }'))
    body = gql('{ organisation(id: "stadt-koeln") { __typename name } }')
    assert body["data"]["organisation"] == {"__typename": "Organisation", "name": "Stadt Köln"}


def test_cors_is_closed(live_app: object, http: httpx.Client) -> None:
    evil = {"Origin": "https://evil.example"}
    answer = http.post("/graphql", json={"query": "{ categories { id } }"}, headers=evil)
    assert answer.status_code == 200 and "access-control-allow-origin" not in answer.headers
    preflight = http.options(
        "/graphql",
        headers={**evil, "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-origin" not in http.get("/health", headers=evil).headers


def test_binds_loopback_unless_configured() -> None:
    """`vielfalt serve` listens on API_HOST, 127.0.0.1 unless set (Docker maps it to the
    host's loopback only, see docker-compose.yml)."""
    assert Settings.model_fields["api_host"].default == "127.0.0.1"
    compose = (REPO_ROOT / "docker-compose.yml").read_text()
    published = re.findall(r'- "([^"]+):\d+:\d+"', compose)
    assert published and all(p == "127.0.0.1" for p in published)


def test_database_errors_are_masked(neo4j_server: Settings) -> None:
    """A query Neo4j refused is an internal error: its message stays in the log."""
    from graph_api.context import ApiContext

    class Refused(ApiContext):
        async def run(self, fn: Callable[..., object], *args: object, **kwargs: object) -> object:
            raise DatabaseError(
                "Neo4j refused a query: TooManyClauses: maxClauseCount is set to 1024"
            )

    result = _execute("{ stats { nodes { key } } }", Refused(neo4j_server, authorized=False))
    assert result.errors and result.errors[0].message.startswith("Interner Fehler")
    assert "Clause" not in str(result.errors[0].message)


def test_user_errors_are_logged_once_without_traceback(
    small: Settings, gql: GQL, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    gql("{ organisations(first: 500) { totalCount } }")
    gql("{ nosuchfield }")
    refused = [r for r in caplog.records if r.name == "graph_api.errors"]
    assert len(refused) == 2, [r.getMessage() for r in refused]
    assert all(r.exc_info is None and r.levelno == logging.WARNING for r in refused)
    assert not [r for r in caplog.records if r.name.startswith("strawberry")]


def test_documents_show_file_names_only(corpus_graph: Settings, gql: GQL) -> None:
    stored = db.read("MATCH (d:Document) RETURN d.id AS id, d.path AS path", corpus_graph)
    assert any("/" in (r["path"] or "") for r in stored)  # the loader keeps where it read from
    q = "{ organisations(first: 100) { edges { node { documents { id path } } } } }"
    body = gql(q)
    paths = {
        d["id"]: d["path"]
        for e in body["data"]["organisations"]["edges"]
        for d in e["node"]["documents"]
    }
    assert paths
    by_id = {r["id"]: r["path"] for r in stored}
    for doc_id, path in paths.items():
        assert path == by_id[doc_id].rsplit("/", 1)[-1]
