"""No N+1: the database round trips of a nested query do not grow with the page size.

The app reports the round trips of each request in ``extensions.dbRoundTrips`` (counted in
the request context, one per call into ``queries``, each of which runs one statement).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from queries.db import close_async_driver
from queries.settings import Settings
from tests.graphs import SampleGraph, write_graph

from .conftest import GQL, error_text

pytestmark = pytest.mark.integration

NESTED = """query($n: Int!) { organisations(first: $n) { edges { node {
  id name
  partners { organisation { id name partners { organisation { id } } } evidence { line } }
  programmes { programme { id participants { organisation { id } } } type }
  measures { id title organisation { id name } evidence { docId document { title } } }
} } } }"""


def star_graph(n: int) -> SampleGraph:
    """n organisations in a ring of cooperations, each in a programme, each with a measure."""
    ids = [f"org-{i:03d}" for i in range(n)]
    ev = ("doc.pdf", 1, -1, "Beleg")
    g = SampleGraph().document("doc.pdf", "Dokument")
    for i in ids:
        g.organisation(i, f"Organisation {i}", "Verein")
    for k in range(3):
        g.programme(f"prog-{k}", f"Programm {k}", "Netzwerk")
    for j, a in enumerate(ids):
        g.link(a, "COOPERATES_WITH", ids[(j + 1) % n], ev)
    for j, a in enumerate(ids):
        g.link(a, "PARTICIPATES_IN", f"prog-{j % 3}", ev)
    for j, i in enumerate(ids):
        g.measure(
            f"m-{i}", i, "Maßnahme", ("doc.pdf", j + 1, -1, "q"), category=1 + j % 6, year=2020
        )
    return g


def test_round_trips_do_not_grow_with_page_size(graph: Settings, gql: GQL) -> None:
    write_graph(star_graph(60), graph)
    trips = {}
    for n in (2, 10, 60):
        body = gql(NESTED, n=n)
        assert "errors" not in body, body
        edges = body["data"]["organisations"]["edges"]
        assert len(edges) == n
        assert all(len(e["node"]["partners"]) == 2 for e in edges)
        assert all(e["node"]["measures"][0]["organisation"]["id"] == e["node"]["id"] for e in edges)
        trips[n] = body["extensions"]["dbRoundTrips"]
    # one per level, whatever it selects: the page; partners, programmes and measures; their
    # partners, participants and organisations; the documents of the measures' evidence
    assert trips[2] == trips[10] == trips[60] == 4, trips


ONE = """query($id: ID!, $n: Int!, $f: Int) { organisation(id: $id) {
  name parent { id } units { organisation { id } }
  partners(first: $n) { organisation { id name } evidence { docId line quote } }
  organisationLinks(first: $n) { type outgoing organisation { id } }
  programmes { type programme { id } } measures(fieldOfAction: $f) { id year }
  documents { id } evidence { docId line }
} }"""


def _naive(query: str, settings: Settings, **variables: Any) -> Any:
    """The same query through naive loaders (no cache, so nothing prefetched is reused)."""
    from graph_api.context import ApiContext
    from graph_api.schema import schema

    async def execute() -> Any:
        try:
            ctx = ApiContext(settings, authorized=False, batching=False)
            return await schema.execute(query, variables, context_value=ctx)
        finally:
            await close_async_driver()

    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(asyncio.run, execute()).result()
    assert not result.errors, result.errors
    return result.data


@pytest.mark.parametrize(
    ("org", "n", "f"),
    [
        ("stadt-koeln", 5, None),
        ("stadt-koeln", 1, 2),
        ("amt-integration-koeln", 5, None),
        ("awo-koeln", 2, 3),
        ("gibt-es-nicht", 5, None),
    ],
)
def test_one_organisation_and_its_fields_are_one_round_trip(
    small: Settings, gql: GQL, org: str, n: int, f: int | None
) -> None:
    """``organisation(id)`` asks for the fields it selects before loading the organisation:
    both levels leave together, and the answer is the one the naive resolvers give."""
    body = gql(ONE, id=org, n=n, f=f)
    assert "errors" not in body, body
    assert body["extensions"]["dbRoundTrips"] == 1
    assert body["data"] == _naive(ONE, small, id=org, n=n, f=f)


def test_prefetch_reads_literal_arguments(small: Settings, gql: GQL) -> None:
    """Literal arguments (which the selection reports as text) key the same loads."""
    body = gql("""{ organisation(id: "stadt-koeln") {
      partners(first: 1) { organisation { id } } measures(fieldOfAction: 2) { id } } }""")
    assert body["extensions"]["dbRoundTrips"] == 1
    org = body["data"]["organisation"]
    assert org == {"partners": [{"organisation": {"id": "awo-koeln"}}], "measures": [{"id": "m1"}]}


def test_prefetch_sees_fields_inside_fragments(small: Settings, gql: GQL) -> None:
    """Clients (Apollo, Relay) select through fragments: those fields are prefetched too."""
    body = gql("""query { organisation(id: "stadt-koeln") { ...Partners ... on Organisation {
      measures { id } } } }
      fragment Partners on Organisation { partners(first: 1) { organisation { id } } }""")
    assert "errors" not in body, body
    assert body["extensions"]["dbRoundTrips"] == 1
    assert body["data"]["organisation"]["partners"] == [{"organisation": {"id": "awo-koeln"}}]
    assert {m["id"] for m in body["data"]["organisation"]["measures"]} == {"m1", "m2"}


def test_prefetch_leaves_a_broken_limit_to_its_resolver(small: Settings, gql: GQL) -> None:
    body = gql('{ organisation(id: "stadt-koeln") { name partners(first: 100000) { type } } }')
    assert "höchstens 100" in error_text(body)
    assert body["extensions"]["dbRoundTrips"] == 1  # the organisation only


def test_a_level_asks_once_whatever_fields_it_selects(small: Settings, gql: GQL) -> None:
    """Links, measures, documents and mentions of one level travel in one statement."""
    few = gql("{ organisations(first: 10) { edges { node { partners { type } } } } }")
    many = gql("""{ organisations(first: 10) { edges { node {
      partners { type } programmes { type } measures { id } documents { id }
      evidence { line } } } } }""")
    assert "errors" not in many, many
    assert few["extensions"]["dbRoundTrips"] == many["extensions"]["dbRoundTrips"] == 2
