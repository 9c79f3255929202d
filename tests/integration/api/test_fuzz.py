"""Schema-driven fuzzing of GraphQL and REST: no 500, no internals in any answer.

GraphQL documents come from the schema (hypothesis-graphql: valid queries and mutations with
random arguments, and invalid ones); REST requests from the app's OpenAPI description (every
GET route, random path and query parameters). Whatever comes, the answer must be a deliberate
one (200, 4xx) whose text shows no traceback, no Python or Neo4j internals, and /health must
answer afterwards. The budget is fixed (examples, no shrinking time to speak of) so CI stays
well under a minute.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema

from graph_api.app import create_app
from graph_api.schema import schema
from queries.settings import Settings

pytestmark = pytest.mark.integration

INTERNALS = re.compile(
    r"Traceback|File \"|\.py\b|neo4j\.|Neo4jError|TooManyClauses|ClientError|"
    r"RecursionError|KeyError|TypeError|AttributeError|ValueError|/work/|/home/|/usr/",
)
FUZZ = settings(
    max_examples=120,
    deadline=None,
    database=None,  # nothing written into the work tree
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure prints its example
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SDL = schema.as_str()


def _check(resp: httpx.Response, what: str) -> None:
    assert resp.status_code < 500, f"{what}: {resp.status_code} {resp.text[:500]}"
    found = INTERNALS.search(resp.text) if "json" in resp.headers.get("content-type", "") else None
    assert found is None, f"{what}: {found and found.group(0)!r} in {resp.text[:500]}"


@FUZZ
@given(
    document=st.one_of(
        from_schema(SDL, mode=Mode.POSITIVE, allow_x00=False),
        from_schema(SDL, mode=Mode.NEGATIVE, allow_x00=False),
    )
)
def test_graphql_fuzz(small: Settings, http: httpx.Client, document: Any) -> None:
    resp = http.post("/graphql", json={"query": document})
    _check(resp, str(document)[:300])
    assert resp.json().keys() <= {"data", "errors", "extensions"}


def _get_routes() -> list[tuple[str, list[str]]]:
    """(path template, query parameter names) of every GET route in the OpenAPI description."""
    routes = []
    for path, ops in create_app().openapi()["paths"].items():
        if "get" in ops:
            params = [p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"]
            routes.append((path, params))
    return routes


ROUTES = _get_routes()
TEXT = st.text(min_size=0, max_size=60).filter(lambda t: "\x00" not in t)


@FUZZ
@given(route=st.sampled_from(ROUTES), data=st.data())
def test_rest_fuzz(
    small: Settings, http: httpx.Client, route: tuple[str, list[str]], data: Any
) -> None:
    template, query_names = route
    path = re.sub(
        r"\{(\w+)\}", lambda m: quote(data.draw(TEXT, label=m.group(1)) or "x", safe=""), template
    )
    params = {n: data.draw(TEXT, label=n) for n in query_names if data.draw(st.booleans())}
    resp = http.get(path, params=params)
    _check(resp, f"GET {path} {params}")


def test_health_after_fuzzing(http: httpx.Client) -> None:
    assert http.get("/health").json() == {"status": "ok"}
