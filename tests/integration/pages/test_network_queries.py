"""The read functions behind the pages, against the real Neo4j and the hand-made graph."""

from __future__ import annotations

import pytest

from queries import network as nq
from queries.errors import InputError, NotFound
from queries.network_graph import importance, topology
from queries.network_groups import group_by_programme
from queries.network_profile import organisation_profile, programme_profile
from queries.records import Network
from queries.settings import Settings

pytestmark = pytest.mark.integration


def keys(net: Network) -> set[str]:
    return {n.key for n in net.nodes}


def test_key_figures_count_the_sample(sample_graph: Settings) -> None:
    f = nq.key_figures(sample_graph)
    assert (f.organisations, f.programmes, f.measures, f.links) == (6, 2, 3, 6)


def test_whole_network_has_every_node_and_link(sample_graph: Settings) -> None:
    net = nq.whole_network(sample_graph)
    assert len(net.nodes) == 8
    assert {(lk.source, lk.type, lk.target) for lk in net.links} == {
        ("org:stadt-a", "COOPERATES_WITH", "org:verein-b"),
        ("org:stadt-a", "PARTICIPATES_IN", "prog:iq"),
        ("org:jc-c", "PARTICIPATES_IN", "prog:iq"),
        ("org:jc-c", "FUNDED_BY", "org:d-stiftung"),
        ("org:e-hochschule", "PART_OF", "org:d-stiftung"),
        ("org:stadt-a", "SIGNED", "prog:charta"),
    }
    stadt = next(n for n in net.nodes if n.key == "org:stadt-a")
    assert stadt.categories == (2, 4)


@pytest.mark.parametrize(
    ("depth", "expected"),
    [
        (1, {"org:stadt-a", "org:verein-b", "prog:iq", "prog:charta"}),
        (2, {"org:stadt-a", "org:verein-b", "prog:iq", "prog:charta", "org:jc-c"}),
        (
            3,
            {"org:stadt-a", "org:verein-b", "prog:iq", "prog:charta", "org:jc-c", "org:d-stiftung"},
        ),
    ],
)
def test_ego_network_grows_with_depth(
    sample_graph: Settings, depth: int, expected: set[str]
) -> None:
    net = nq.ego_network("stadt-a", depth, settings=sample_graph)
    assert keys(net) == expected
    assert net.centre == "org:stadt-a" and not net.truncated


def test_ego_network_is_capped(sample_graph: Settings) -> None:
    net = nq.ego_network("stadt-a", 3, max_nodes=3, settings=sample_graph)
    assert net.truncated and len(net.nodes) == 3 and "org:stadt-a" in keys(net)


def test_ego_network_rejects_bad_input(sample_graph: Settings) -> None:
    with pytest.raises(NotFound, match="nope"):
        nq.ego_network("nope", 1, settings=sample_graph)
    with pytest.raises(InputError, match="Tiefe"):
        nq.ego_network("stadt-a", 4, settings=sample_graph)


def test_programme_network_has_participants_and_their_links(sample_graph: Settings) -> None:
    net = nq.programme_network("iq", sample_graph)
    assert keys(net) == {"prog:iq", "org:stadt-a", "org:jc-c"}
    assert len(net.links) == 2
    with pytest.raises(NotFound):
        nq.programme_network("nope", sample_graph)


def test_programme_grouping_assigns_each_organisation_once(sample_graph: Settings) -> None:
    g = group_by_programme(nq.whole_network(sample_graph))
    groups = {x.key: set(x.members) for x in g.groups}
    # Stadt A is in both programmes with equal evidence: the first by id (charta) wins
    assert groups == {
        "p-charta": {"prog:charta", "org:stadt-a"},
        "p-iq": {"prog:iq", "org:jc-c"},
        "ohne-programm": {"org:verein-b", "org:d-stiftung", "org:e-hochschule", "org:schule-f"},
    }
    assert {x.kind for x in g.groups} == {"programme", "rest"}
    assert set(g.links) == {
        ("ohne-programm", "p-charta", 1),  # Stadt A - Verein B
        ("ohne-programm", "p-iq", 1),  # Jobcenter C - D-Stiftung
        ("p-charta", "p-iq", 1),  # Stadt A - IQ
    }


def test_importance_ranks_hubs_above_leaves(sample_graph: Settings) -> None:
    net = nq.whole_network(sample_graph)
    rank = importance(topology(net))
    assert set(rank) == {n.key for n in net.nodes}
    assert abs(sum(rank.values()) - len(rank)) < 0.01  # a multiple of the average node
    assert rank["org:stadt-a"] > rank["org:verein-b"] > rank["org:schule-f"]


def test_profiles_carry_measures_links_and_evidence(sample_graph: Settings) -> None:
    p = organisation_profile("stadt-a", sample_graph)
    assert [m.category for m in p.measures] == [2, 4]
    assert p.entity.id == "stadt-a" and p.aliases == ("A-Stadt",)
    assert {(x.other.id, x.type, x.outgoing) for x in p.links} == {
        ("verein-b", "COOPERATES_WITH", True),
        ("iq", "PARTICIPATES_IN", True),
        ("charta", "SIGNED", True),
    }
    verein = next(x for x in p.links if x.other.id == "verein-b")
    assert "<script>" in verein.evidence[0].quote and verein.evidence[0].line == 1
    prog = programme_profile("iq", sample_graph)
    assert {x.other.id for x in prog.links} == {"stadt-a", "jc-c"}
    assert all(not x.outgoing for x in prog.links)
    with pytest.raises(NotFound):
        organisation_profile("nope", sample_graph)
