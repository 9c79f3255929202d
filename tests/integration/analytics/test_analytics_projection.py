"""The networkx projection read from the real Neo4j, with its filters."""

from __future__ import annotations

import pytest

from queries.errors import InputError
from queries.fingerprint import fingerprint
from queries.projection import measure_profiles, project
from queries.settings import Settings
from tests.graphs import SampleGraph, write_graph

pytestmark = pytest.mark.integration


def test_nodes_edges_and_attributes(synergy_graph: Settings) -> None:
    G = project(synergy_graph)
    assert G.number_of_nodes() == 7 and G.number_of_edges() == 6
    assert G.nodes["stadt-duisburg"] == {
        "label": "Organisation",
        "name": "Stadt Duisburg",
        "type": "Kommune",
    }
    assert G.nodes["charta"] == {
        "label": "Programme",
        "name": "Charta der Vielfalt",
        "kind": "Charta",
    }
    assert G.edges["stadt-duisburg", "charta"] == {"types": "SIGNED", "weight": 2, "SIGNED": 2}
    assert G.edges["verein-x", "jobcenter-duisburg"]["types"] == "COOPERATES_WITH"
    assert G.degree("verein-y") == 0  # without filters isolated organisations stay


def test_categories_and_links_are_not_nodes(synergy_graph: Settings) -> None:
    labels = {d["label"] for _, d in project(synergy_graph).nodes(data=True)}
    assert labels == {"Organisation", "Programme"}


def test_filter_by_link_type(synergy_graph: Settings) -> None:
    G = project(synergy_graph, link_types=["cooperates_with"])
    assert {d["types"] for *_, d in G.edges(data=True)} == {"COOPERATES_WITH"}
    assert G.number_of_edges() == 3
    with pytest.raises(InputError, match="unknown link type 'FRIENDS'"):
        project(synergy_graph, link_types=["FRIENDS"])


def test_filter_by_programme(synergy_graph: Settings) -> None:
    G = project(synergy_graph, programmes=["charta"])
    assert set(G) == {"charta", "stadt-duisburg", "jobcenter-duisburg"}
    assert G.number_of_edges() == 2  # the two signatures; they do not cooperate
    with pytest.raises(InputError, match="no programme with id nope"):
        project(synergy_graph, programmes=["nope"])


def test_filter_by_field_of_action(synergy_graph: Settings) -> None:
    G = project(synergy_graph, categories=[2])
    # the two Duisburg bodies report field-2 measures; the Charta comes with them
    assert set(G) == {"stadt-duisburg", "jobcenter-duisburg", "charta"}
    assert project(synergy_graph, categories=[5]).number_of_nodes() == 0
    with pytest.raises(InputError, match="1-6"):
        project(synergy_graph, categories=[9])


def test_measure_profiles(synergy_graph: Settings) -> None:
    assert measure_profiles(synergy_graph) == {
        "stadt-duisburg": {"feld:2": 1.0, "typ:intercultural-training": 1.0},
        "jobcenter-duisburg": {"feld:2": 1.0, "typ:intercultural-training": 1.0},
        "verein-y": {"feld:1": 1.0, "typ:job-ad-clause": 1.0},
    }


def test_empty_graph(graph: Settings) -> None:
    G = project(graph)
    assert G.number_of_nodes() == 0 and measure_profiles(graph) == {}


def test_sample_writer_is_idempotent_and_checks_types(graph: Settings) -> None:
    sample = (
        SampleGraph()
        .organisation("b", "B", "Verein")
        .organisation("a", "A", "Verein")
        .link(
            "b",
            "COOPERATES_WITH",
            "a",
            ("sample", 1, -1, "a COOPERATES_WITH b"),
            ("sample", 2, -1, "a COOPERATES_WITH b"),
        )
    )
    write_graph(sample, graph)
    first = fingerprint(graph)
    assert all(r.skipped for r in write_graph(sample, graph))
    assert fingerprint(graph) == first
    G = project(graph)
    assert G.edges["a", "b"]["weight"] == 2
    with pytest.raises(ValueError, match="unknown link type"):
        SampleGraph().link("a", "LIKES", "b", ("sample", 1, -1, "a LIKES b"))
