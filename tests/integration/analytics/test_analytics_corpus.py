"""Analytics on the whole corpus: invariants that hold for any loaded graph."""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pytest

from queries import db
from queries.analytics.synergy import synergies, synergies_for
from queries.export import export_graph
from queries.projection import link_types_of, measure_profiles, project
from queries.report import centrality_report
from queries.schema import LINK_TYPES
from queries.settings import Settings

pytestmark = pytest.mark.integration


def test_projection_matches_the_database(corpus_graph: Settings) -> None:
    G = project(corpus_graph)
    counts = db.counts(corpus_graph)
    nodes = counts["nodes"]
    assert G.number_of_nodes() == nodes.get("Organisation", 0) + nodes.get("Programme", 0) > 0
    links = sum(counts["relationships"].get(t.value, 0) for t in LINK_TYPES)
    per_type = sum(len(link_types_of(G, u, v)) for u, v in G.edges())
    # parallel links of different types share one edge; self-links are dropped
    assert 0 < G.number_of_edges() <= per_type <= links


def test_report_invariants(corpus_graph: Settings) -> None:
    G = project(corpus_graph)
    report = centrality_report(G)
    assert len(report.actors) == G.number_of_nodes()
    assert math.isclose(sum(a.pagerank for a in report.actors), 1.0, abs_tol=0.01)
    assert all(0.0 <= a.betweenness <= 1.0 and 0.0 <= a.closeness <= 1.0 for a in report.actors)
    assert sorted(n for c in report.communities for n in c) == sorted(G)
    assert all(
        G.nodes[b.id]["label"] == "Organisation" and b.communities >= 2 for b in report.brokers
    )


def test_synergies_never_suggest_linked_pairs(corpus_graph: Settings) -> None:
    G = project(corpus_graph)
    orgs = [n for n, d in G.nodes(data=True) if d["label"] == "Organisation"]
    busiest = max(orgs, key=lambda o: (G.degree(o), o))
    found = synergies_for(busiest, first=20, settings=corpus_graph)
    assert found == synergies(G, measure_profiles(corpus_graph), busiest, first=20)
    for s in found:
        assert s.source_id == busiest and s.target_id != busiest
        assert not G.has_edge(s.source_id, s.target_id) and s.reasons
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    for s in synergies(G, measure_profiles(corpus_graph), first=30):
        assert not G.has_edge(s.source_id, s.target_id)
        if s.reasons[0].startswith("Beide nehmen an"):
            shared = set(G[s.source_id]) & set(G[s.target_id])
            assert any("PARTICIPATES_IN" in link_types_of(G, s.source_id, p) for p in shared)


def test_graphml_export_of_the_corpus(corpus_graph: Settings, tmp_path: Path) -> None:
    G = project(corpus_graph)
    back = nx.read_graphml(export_graph(G, "graphml", tmp_path / "korpus.graphml")[0])
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        G.number_of_nodes(),
        G.number_of_edges(),
    )
