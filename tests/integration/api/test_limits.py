"""Limits answer with GraphQL errors that name the limit; unexpected errors are masked."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from graph_api.context import ApiContext
from graph_api.schema import schema
from queries.errors import QueryLimitError
from queries.settings import Settings

from .conftest import GQL, KEY, error_text

pytestmark = pytest.mark.integration

Configure = Callable[..., Settings]
DEEP = """{ organisation(id: "stadt-koeln") { partners { organisation { partners {
  organisation { partners { organisation { id } } } } } } } }"""


def test_page_size_above_maximum(small: Settings, gql: GQL, configure: Configure) -> None:
    body = gql("{ organisations(first: 101) { totalCount } }")
    assert body["data"] is None and "höchstens 100" in error_text(body)
    assert "höchstens 100" in error_text(gql('{ search(text: "köln", first: 500) { id } }'))
    assert "nicht negativ" in error_text(gql("{ measures(first: -1) { totalCount } }"))
    configure(GRAPHQL_MAX_PAGE_SIZE="5")
    assert "höchstens 5" in error_text(gql("{ programmes(first: 6) { totalCount } }"))
    assert "errors" not in gql("{ programmes(first: 5) { totalCount } }")


def test_query_depth_limit(small: Settings, gql: GQL, configure: Configure) -> None:
    assert "errors" not in gql(DEEP)
    configure(GRAPHQL_MAX_DEPTH="4")
    body = gql(DEEP)
    assert "data" not in body or body["data"] is None
    assert "exceeds maximum operation depth of 4" in error_text(body)


def test_token_limit(small: Settings, gql: GQL, configure: Configure) -> None:
    configure(GRAPHQL_MAX_TOKENS="15")
    assert "errors" not in gql('{ organisation(id: "x") { id } }')
    body = gql(DEEP)
    assert "more than 15 tokens" in error_text(body)


def test_reads_can_require_a_key(
    small: Settings, gql: GQL, curator: Settings, configure: Configure
) -> None:
    q = '{ organisation(id: "stadt-koeln") { name } }'
    assert gql(q)["data"]["organisation"]["name"] == "Stadt Köln"
    configure(API_READ_REQUIRES_KEY="true")
    body = gql(q)
    assert body["data"] in (None, {"organisation": None}) and "auch zum Lesen" in error_text(body)
    assert gql(q, key=KEY)["data"]["organisation"]["name"] == "Stadt Köln"


def _execute(query: str, ctx: ApiContext) -> Any:
    """Run the schema in a thread of its own: the test's thread may already have a loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(schema.execute(query, context_value=ctx))).result()


def test_project_errors_pass_unmasked(neo4j_server: Settings) -> None:
    """A database timeout (QueryLimitError from queries.db.read) reaches the user as is.

    A real timeout needs a query running longer than Neo4j's transaction monitor interval
    (2 s), which the small test graphs cannot produce; the translation is what is checked.
    """

    class TimedOut(ApiContext):
        async def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            raise QueryLimitError("the database query took longer than 0.001 s and was stopped")

    ctx = TimedOut(neo4j_server, authorized=False)
    result = _execute("{ stats { nodes { key } } }", ctx)
    assert result.errors and "took longer than 0.001 s" in result.errors[0].message


def test_database_down_is_a_clear_error(small: Settings, gql: GQL, configure: Configure) -> None:
    from tests.conftest import free_port

    configure(NEO4J_URI=f"bolt://127.0.0.1:{free_port()}")
    body = gql('{ organisation(id: "stadt-koeln") { name } }')
    assert "vielfalt neo4j start" in error_text(body)


def test_unexpected_errors_are_masked(neo4j_server: Settings) -> None:
    """A bug in a resolver (here: a context whose database call breaks) shows no internals."""

    class Broken(ApiContext):
        async def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("secret internal detail /etc/passwd")

    ctx = Broken(neo4j_server, authorized=False)
    result = _execute("{ stats { nodes { key } } }", ctx)
    assert result.errors
    message = result.errors[0].message
    assert "secret" not in message and "Interner Fehler" in message
