"""Bounded fan-out: hubs give at most `first` partners/participants, in id order, one round trip.

The hub graph is built here: ``hub`` cooperates with 30 organisations and takes part in a
programme that 30 organisations joined, so every expected list can be read off this file.
"""

from __future__ import annotations

import pytest

from queries.settings import Settings
from tests.graphs import SampleGraph, write_graph

from .conftest import GQL, error_text

pytestmark = pytest.mark.integration

N = 30
SPOKES = [f"spoke-{i:02d}" for i in range(N)]
EV = ("hub.pdf", 1, -1, "Beleg")


def hub_graph() -> SampleGraph:
    g = SampleGraph().programme("netz", "Netzwerk", "Netzwerk").document("hub.pdf", "Hub")
    for i in ["hub", *SPOKES]:
        g.organisation(i, f"Organisation {i}", "Verein")
    # reversed, so the answer's order comes from the reads, not from insertion order
    for s in reversed(SPOKES):
        g.link(s, "COOPERATES_WITH", "hub", EV)
    for s in reversed(SPOKES):
        g.link(s, "PARTICIPATES_IN", "netz", EV)
    return g.link("hub", "PARTICIPATES_IN", "netz", EV)


@pytest.fixture()
def hub(graph: Settings) -> Settings:
    """The hub graph, written by the production writer."""
    write_graph(hub_graph(), graph)
    return graph


def ids(links: list[dict]) -> list[str]:
    return [x["organisation"]["id"] for x in links]


def test_partners_are_capped_in_id_order(hub: Settings, gql: GQL) -> None:
    body = gql("""{ organisation(id: "hub") { partners { organisation { id } }
                   few: partners(first: 3) { organisation { id } evidence { docId } }
                   organisationLinks(first: 25) { type } } }""")
    assert "errors" not in body, body
    org = body["data"]["organisation"]
    assert ids(org["partners"]) == SPOKES[:20]
    assert ids(org["few"]) == SPOKES[:3]
    assert org["few"][0]["evidence"] == [{"docId": "hub.pdf"}]
    assert len(org["organisationLinks"]) == 25


def test_participants_are_capped(hub: Settings, gql: GQL) -> None:
    body = gql("""{ programme(id: "netz") { participants { organisation { id } }
                   all: participants(first: 40) { organisation { id } } } }""")
    prog = body["data"]["programme"]
    assert ids(prog["participants"]) == sorted(["hub", *SPOKES])[:20]
    assert ids(prog["all"]) == sorted(["hub", *SPOKES])


def test_first_outside_limits_is_a_clear_error(hub: Settings, gql: GQL) -> None:
    body = gql('{ organisation(id: "hub") { partners(first: 101) { type } } }')
    assert "höchstens 100" in error_text(body)
    body = gql('{ organisation(id: "hub") { partners(first: -1) { type } } }')
    assert "nicht negativ" in error_text(body)


def test_link_fields_of_a_level_share_one_round_trip(hub: Settings, gql: GQL) -> None:
    one = gql('{ organisation(id: "hub") { partners(first: 2) { type } } }')
    many = gql("""{ organisation(id: "hub") { parent { id } units { type }
                   partners(first: 2) { type } programmes { type }
                   organisationLinks { type } } }""")
    assert "errors" not in many, many
    assert many["data"]["organisation"]["parent"] is None
    assert [p["type"] for p in many["data"]["organisation"]["programmes"]] == ["PARTICIPATES_IN"]
    assert one["extensions"]["dbRoundTrips"] == many["extensions"]["dbRoundTrips"]
