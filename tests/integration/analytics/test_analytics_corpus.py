"""Analytics on the whole corpus: invariants that hold for any loaded graph."""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pytest

from queries import db
from queries.analytics.synergy import synergies, synergies_for
from queries.export import export_graph, export_network
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
        if s.reasons[0].startswith("Beide nehmen "):
            shared = set(G[s.source_id]) & set(G[s.target_id])
            assert any("PARTICIPATES_IN" in link_types_of(G, s.source_id, p) for p in shared)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_of_the_corpus_reads_back(corpus_graph: Settings, tmp_path: Path, fmt: str) -> None:
    """Names as labels and one directed edge per stored link (self-links aside), as in Neo4j."""
    H = export_network(project(corpus_graph), corpus_graph)
    out = export_graph(H, fmt, tmp_path / f"korpus.{fmt}")[0]
    if fmt == "gexf":
        back = nx.read_gexf(out, version="1.3")
    else:
        back = nx.read_graphml(out, force_multigraph=True)
    names = db.read(
        "MATCH (n) WHERE n:Organisation OR n:Programme RETURN n.id AS id, n.name AS name",
        corpus_graph,
    )
    assert dict(back.nodes(data="label")) == {r["id"]: r["name"] for r in names}
    links = db.read(
        "MATCH (a)-[r]->(b) WHERE type(r) IN $types AND a <> b "
        "RETURN a.id AS s, type(r) AS t, b.id AS o",
        corpus_graph,
        types=[t.value for t in LINK_TYPES],
    )
    assert {(u, d["link_type"], v) for u, v, d in back.edges(data=True)} == {
        (r["s"], r["t"], r["o"]) for r in links
    }
    assert back.number_of_edges() == len(links)
    assert any(d.get("year") for _u, _v, d in back.edges(data=True))
