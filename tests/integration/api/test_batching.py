"""No N+1: the database round trips of a nested query do not grow with the page size.

The app reports the round trips of each request in ``extensions.dbRoundTrips`` (counted in
the request context, one per call into ``queries``, each of which runs one statement).
"""

from __future__ import annotations

import pytest

from queries.sample_graph import SampleGraph, write_sample_graph
from queries.settings import Settings

from .conftest import GQL

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
    write_sample_graph(star_graph(60), graph)
    trips = {}
    for n in (2, 10, 60):
        body = gql(NESTED, n=n)
        assert "errors" not in body, body
        edges = body["data"]["organisations"]["edges"]
        assert len(edges) == n
        assert all(len(e["node"]["partners"]) == 2 for e in edges)
        assert all(e["node"]["measures"][0]["organisation"]["id"] == e["node"]["id"] for e in edges)
        trips[n] = body["extensions"]["dbRoundTrips"]
    # page + links (level 1) + measures + links (level 2) + organisations + documents
    assert trips[2] == trips[10] == trips[60] <= 6, trips
