"""Louvain communities, participation coefficient and brokers on two joined cliques."""

from __future__ import annotations

import networkx as nx
import pytest

from queries.analytics.communities import (
    _igraph_louvain,
    brokers,
    communities,
    membership,
    participation,
)


@pytest.fixture()
def two_cliques() -> nx.Graph:
    """Cliques {a1..a4} and {b1..b4}; a1 - b1 is the only bridge; p hangs on a1 and b1."""
    G = nx.Graph()
    for side in "ab":
        members = [f"{side}{i}" for i in range(1, 5)]
        G.add_edges_from((u, v) for i, u in enumerate(members) for v in members[i + 1 :])
    G.add_edge("a1", "b1")
    nx.set_node_attributes(G, "Organisation", "label")
    return G


def test_louvain_finds_the_two_cliques(two_cliques: nx.Graph) -> None:
    parts = communities(two_cliques, seed=1)
    assert {frozenset(p) for p in parts} == {
        frozenset({"a1", "a2", "a3", "a4"}),
        frozenset({"b1", "b2", "b3", "b4"}),
    }
    assert parts == communities(two_cliques, seed=1)


def test_igraph_and_networkx_agree_on_clear_structure(two_cliques: nx.Graph) -> None:
    pytest.importorskip("igraph")
    found = _igraph_louvain(two_cliques, None, 0, 1.0)
    assert found is not None
    assert {frozenset(p) for p in found} == {frozenset(p) for p in communities(two_cliques)}


def test_participation_by_hand(two_cliques: nx.Graph) -> None:
    parts = [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]]
    pc = participation(two_cliques, parts)
    # a1: 3 links inside, 1 outside -> 1 - (3/4)^2 - (1/4)^2 = 0.375
    assert pc["a1"] == pc["b1"] == 0.375
    assert pc["a2"] == 0.0
    assert membership(parts)["b3"] == 1


def test_brokers_are_the_bridge_ends_and_skip_programmes(two_cliques: nx.Graph) -> None:
    two_cliques.add_node("p", label="Programme", name="Programm P")
    two_cliques.add_edges_from([("p", "a2"), ("p", "b2")])
    parts = [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4", "p"]]
    found = brokers(two_cliques, parts=parts)
    # a1 and a2 both split 3:1 (0.375) with degree 4: the id decides; b2 stays inside
    assert [b.id for b in found] == ["a1", "a2", "b1"]
    assert found[1].programmes == 1 and found[1].communities == 2
    assert found[0].participation == found[1].participation == 0.375
    assert brokers(nx.Graph()) == []


def test_large_graphs_are_seeded_and_find_planted_groups() -> None:
    # 12 groups of 120 nodes, 60 % of the pairs inside a group linked: > 50 000 edges,
    # so the fast path (igraph, when installed) runs
    G = nx.planted_partition_graph(12, 120, 0.6, 0.002, seed=4)
    assert G.number_of_edges() > 50_000
    parts = communities(G, seed=3)
    assert parts == communities(G, seed=3)
    planted = {frozenset(p) for p in G.graph["partition"]}
    assert {frozenset(p) for p in parts} == planted


def test_brokers_reaching_more_communities_rank_first() -> None:
    """A hub into three communities outranks a node split evenly between two."""
    G = nx.Graph()
    G.add_edges_from(("h", f"a{i}") for i in range(1, 6))
    G.add_edges_from([("h", "b1"), ("h", "c1"), ("x", "b2"), ("x", "c2"), ("b1", "b2")])
    G.add_edge("c1", "c2")
    parts = [["h", "a1", "a2", "a3", "a4", "a5"], ["b1", "b2", "x"], ["c1", "c2"]]
    found = brokers(G, parts=parts)
    by_id = {b.id: b for b in found}
    assert by_id["x"].participation > by_id["h"].participation  # 0.5 > 0.449
    order = [b.id for b in found]
    assert order[0] == "h" and order.index("x") > 0 and by_id["h"].communities == 3
