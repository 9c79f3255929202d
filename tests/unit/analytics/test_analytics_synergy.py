"""Synergy scores and German reasons on a networkx graph built by hand."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from queries.analytics.regions import region_of
from queries.analytics.synergy import cosine, synergies
from queries.errors import InputError, NotFound


def _org(G: nx.Graph, i: str, name: str) -> None:
    G.add_node(i, label="Organisation", name=name)


@pytest.fixture()
def network() -> nx.Graph:
    G = nx.Graph()
    for i, name in [
        ("a", "Stadt Köln"),
        ("b", "Polizeipräsidium Köln"),
        ("c", "Verein C"),
        ("d", "Verein D"),
        ("e", "Verein E"),
        ("f", "Stadt Bonn"),
    ]:
        _org(G, i, name)
    G.add_node("p", label="Programme", name="IQ Netzwerk")
    G.add_node("q", label="Programme", name="Charta der Vielfalt")
    G.add_edge("a", "p", types="PARTICIPATES_IN")
    G.add_edge("b", "p", types="PARTICIPATES_IN")
    G.add_edge("a", "q", types="SIGNED")
    G.add_edge("b", "q", types="PARTICIPATES_IN,SIGNED")
    G.add_edge("f", "q", types="FUNDED_BY")  # funding is no membership
    # c is a partner of a, b and d (degree 3); e of a and b (degree 2)
    for x, y in [("a", "c"), ("b", "c"), ("d", "c"), ("a", "e"), ("b", "e")]:
        G.add_edge(x, y, types="COOPERATES_WITH")
    G.add_edge("a", "d", types="PART_OF")
    return G


def test_scores_and_reasons_by_hand(network: nx.Graph) -> None:
    profiles = {"a": {"feld:2": 2.0, "typ:x": 1.0}, "b": {"feld:2": 1.0}}
    top = synergies(network, profiles, "a")[0]
    assert (top.source_id, top.target_id, top.target_name) == ("a", "b", "Polizeipräsidium Köln")
    sim = 2 / math.sqrt(5)
    expected = 2 + 1 / math.log(3) + 1 / math.log(2) + sim + 0.5
    assert top.score == pytest.approx(expected, abs=1e-3)
    assert top.reasons == (
        "Beide sind an der Charta der Vielfalt beteiligt",
        "Beide nehmen teil an: IQ Netzwerk",  # gender unknown: no article needed
        "Gemeinsame Kooperationspartner: Verein C, Verein E",
        "Ähnliche Maßnahmen (Ähnlichkeit 0,89), v. a. im Handlungsfeld "
        "„Fortbildung / interkulturelle Kompetenz“",
        "Beide sind in Köln ansässig",
    )


def test_linked_organisations_are_never_suggested(network: nx.Graph) -> None:
    targets = {s.target_id for s in synergies(network, {}, "a", first=50)}
    assert targets == {"b"}  # c, e cooperate; d is PART_OF a; f shares nothing


def test_all_pairs_once_each_best_first(network: nx.Graph) -> None:
    found = synergies(network, {}, first=50)
    pairs = [(s.source_id, s.target_id) for s in found]
    assert len(pairs) == len(set(pairs)) and all(a < b for a, b in pairs)
    assert pairs[0] == ("a", "b")
    # d and b share partner c (Adamic-Adar 1/ln 3)
    db = next(s for s in found if (s.source_id, s.target_id) == ("b", "d"))
    assert db.score == pytest.approx(1 / math.log(3), abs=1e-3)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert synergies(network, {}, first=1) == found[:1]


def test_similar_profiles_alone_are_a_reason(network: nx.Graph) -> None:
    profiles = {"d": {"feld:1": 3.0}, "f": {"feld:1": 1.0}, "e": {"feld:6": 1.0}}
    found = synergies(network, profiles, "f")
    assert [s.target_id for s in found] == ["d"]
    assert found[0].reasons == (
        "Ähnliche Maßnahmen (Ähnlichkeit 1,00), v. a. im Handlungsfeld „Erhöhung des "
        "Anteils der Beschäftigten mit Einwanderungsgeschichte“",
    )


def test_bad_input(network: nx.Graph) -> None:
    with pytest.raises(NotFound, match="zz"):
        synergies(network, {}, "zz")
    with pytest.raises(NotFound):
        synergies(network, {}, "p")
    with pytest.raises(InputError, match="first"):
        synergies(network, {}, "a", first=0)
    assert synergies(nx.Graph(), {}) == []


def test_cosine() -> None:
    assert cosine({}, {"x": 1}) == 0.0
    assert cosine({"x": 2}, {"x": 5}) == 1.0
    assert cosine({"x": 1}, {"y": 1}) == 0.0


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Stadt Duisburg", "Duisburg"),
        ("Jobcenter Duisburg", "Duisburg"),
        ("Kreis Unna", "Unna"),
        ("Polizeipräsidium Mülheim an der Ruhr", "Mülheim an der Ruhr"),
        ("Integrationsrat der Stadt Essen", "Essen"),
        ("Bezirksregierung Arnsberg", "Arnsberg"),
        ("Stadt Castrop-Rauxel", "Castrop-Rauxel"),
        ("Caritasverband für die Stadt Bonn", "Bonn"),
        ("Verein für Duisburger Kultur", None),
        ("Ministerium für Kinder, Jugend, Familie", None),
        ("Stadt", None),
        ("Volkshochschule Bildung", None),
    ],
)
def test_region_of(name: str, place: str | None) -> None:
    assert region_of(name) == place


def test_units_of_one_parent_are_never_suggested(network: nx.Graph) -> None:
    _org(network, "u1", "Dezernat 11")
    _org(network, "u2", "Dezernat 20")
    for u in ("u1", "u2"):
        network.add_edge(u, "f", types="PART_OF")
        network.add_edge(u, "q", types="SIGNED")
    assert "u2" not in {s.target_id for s in synergies(network, {}, "u1", first=50)}
    assert ("u1", "u2") not in {(s.source_id, s.target_id) for s in synergies(network, {})}


def test_reasons_name_programmes_with_articles_and_the_shared_measures() -> None:
    G = nx.Graph()
    _org(G, "a", "Verein A")
    _org(G, "b", "Verein B")
    G.add_node("t", label="Programme", name="Deutscher Diversity-Tag", kind="Veranstaltungsreihe")
    G.add_node("v", label="Programme", name="VielfaltPlus", kind="Projekt")
    G.add_node("x", label="Programme", name="BFD", kind="Sonstige")
    for o in ("a", "b"):
        for p in ("t", "v", "x"):
            G.add_edge(o, p, types="PARTICIPATES_IN")
    profiles = {
        "a": {"feld:2": 3.0, "typ:intercultural-training": 3.0, "typ:networking": 1.0},
        "b": {"feld:2": 2.0, "typ:intercultural-training": 2.0, "typ:networking": 1.0},
    }
    reasons = synergies(G, profiles, "a")[0].reasons
    assert reasons == (
        "Beide nehmen teil an: BFD",
        "Beide nehmen am Deutschen Diversity-Tag teil",
        "Beide nehmen am Projekt „VielfaltPlus“ teil",
        "Ähnliche Maßnahmen (Ähnlichkeit 0,99): bei beiden v. a. „Interkulturelle "
        "Fortbildung“ und „Vernetzung und Kooperation“ im Handlungsfeld „Fortbildung / "
        "interkulturelle Kompetenz“",
    )
