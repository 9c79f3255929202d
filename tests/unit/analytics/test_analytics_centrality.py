"""Centrality measures on small graphs with answers worked out by hand."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from queries.analytics import centrality as c


@pytest.fixture()
def path4() -> nx.Graph:
    """a - b - c - d"""
    return nx.path_graph(["a", "b", "c", "d"])


def test_degree_and_weighted_degree(path4: nx.Graph) -> None:
    path4["b"]["c"]["weight"] = 5
    assert c.degree(path4) == {"a": 1, "b": 2, "c": 2, "d": 1}
    assert c.weighted_degree(path4) == {"a": 1.0, "b": 6.0, "c": 6.0, "d": 1.0}
    assert c.degree(path4, weight="weight") == c.weighted_degree(path4)


def test_betweenness_of_a_path(path4: nx.Graph) -> None:
    # pairs not involving b: (a,c), (a,d), (c,d); b lies on a-c and a-d -> 2/3
    assert c.betweenness(path4) == {"a": 0.0, "b": 0.6667, "c": 0.6667, "d": 0.0}


def test_betweenness_of_a_star() -> None:
    G = nx.star_graph(4)  # centre 0 lies on all C(4,2) = 6 leaf pairs -> 1.0
    assert c.betweenness(G) == {0: 1.0, 1: 0.0, 2: 0.0, 3: 0.0, 4: 0.0}


def test_weighted_betweenness_prefers_well_documented_links() -> None:
    # a-b-d (strengths 10, 10) vs a-c-d (strengths 1, 1): paths of length 0.2 vs 2.0
    G = nx.Graph(
        [
            ("a", "b", {"weight": 10}),
            ("b", "d", {"weight": 10}),
            ("a", "c", {"weight": 1}),
            ("c", "d", {"weight": 1}),
        ]
    )
    weighted = c.betweenness(G, weight="weight")
    assert weighted["b"] > 0 and weighted["c"] == 0.0
    assert c.betweenness(G)["b"] == c.betweenness(G)["c"]


def test_sampled_betweenness_with_all_pivots_is_exact() -> None:
    G = nx.gnm_random_graph(120, 300, seed=3)
    G.add_edge(500, 501)  # a second component
    exact = nx.betweenness_centrality(G)
    est, close = c.path_measures(G, k=G.number_of_nodes() - 1, seed=1)
    assert not est.exact and est.pivots == G.number_of_nodes() - 1
    assert max(abs(est.values[v] - exact[v]) for v in G) < 0.02


def test_sampled_betweenness_error_estimate_covers_the_truth(monkeypatch) -> None:
    G = nx.barabasi_albert_graph(600, 3, seed=7)
    exact = nx.betweenness_centrality(G)
    monkeypatch.setattr(c, "EXACT_LIMIT", 100)  # force sampling on this small graph
    est = c.betweenness_estimate(G, seed=0)
    assert est.pivots == c.DEFAULT_PIVOTS and not est.exact
    top = sorted(G, key=lambda v: -exact[v])[:10]
    inside = sum(abs(est.values[v] - exact[v]) <= 3 * est.stderr[v] + 1e-4 for v in top)
    assert inside >= 9
    assert est == c.betweenness_estimate(G, seed=0)  # seeded: reproducible


def test_closeness_exact_and_disconnected(path4: nx.Graph) -> None:
    assert c.closeness(path4) == {"a": 0.5, "b": 0.75, "c": 0.75, "d": 0.5}
    path4.add_node("z")
    # Wasserman-Faust: b reaches 3 of 4 others at total distance 4 -> (3/4) * (3/4)
    assert c.closeness(path4)["b"] == 0.5625 and c.closeness(path4)["z"] == 0.0


def test_pagerank_sums_to_one_and_matches_networkx() -> None:
    G = nx.karate_club_graph()
    G.add_node("isolated")
    ours = c.pagerank(G, weight="weight")
    theirs = nx.pagerank(G, weight="weight")
    assert math.isclose(sum(ours.values()), 1.0, abs_tol=1e-3)
    assert max(abs(ours[v] - theirs[v]) for v in G) < 1e-4
    assert c.pagerank(nx.Graph()) == {}


def test_pagerank_symmetric_path(path4: nx.Graph) -> None:
    pr = c.pagerank(path4)
    assert pr["a"] == pr["d"] < pr["b"] == pr["c"]


def test_eigenvector_handles_components_and_bipartite_graphs() -> None:
    # star K1,3 (bipartite: power iteration would oscillate) plus a separate edge
    G = nx.Graph([("h", "x"), ("h", "y"), ("h", "z"), ("p", "q")])
    G.add_node("alone")
    ev = c.eigenvector(G)
    # star: principal vector (sqrt3, 1, 1, 1)/sqrt6, scaled by sqrt(4/7)
    assert ev["h"] == round(math.sqrt(3 / 6) * math.sqrt(4 / 7), 4)
    assert ev["x"] == ev["y"] == ev["z"] == round(math.sqrt(1 / 6) * math.sqrt(4 / 7), 4)
    assert ev["p"] == ev["q"] == round(math.sqrt(1 / 2) * math.sqrt(2 / 7), 4)
    assert ev["alone"] == 0.0
    # unit length over the nodes that have links (6 of 7)
    assert math.isclose(sum(v * v for v in ev.values()), 6 / 7, abs_tol=1e-3)


def test_eigenvector_matches_networkx_on_a_connected_graph() -> None:
    G = nx.karate_club_graph()
    ours, theirs = c.eigenvector(G), nx.eigenvector_centrality_numpy(G)
    assert max(abs(ours[v] - theirs[v]) for v in G) < 1e-3


def test_empty_and_tiny_graphs() -> None:
    for f in (c.degree, c.betweenness, c.closeness, c.pagerank, c.eigenvector):
        assert f(nx.Graph()) == {}
    G = nx.Graph()
    G.add_node("x")
    assert c.betweenness(G) == {"x": 0.0} and c.eigenvector(G) == {"x": 0.0}
