"""synergies_for against the real Neo4j on a graph the test writes itself."""

from __future__ import annotations

import math

import pytest

from queries.analytics.synergy import synergies_for
from queries.errors import NotFound
from queries.records import SynergySuggestion
from queries.settings import Settings

pytestmark = pytest.mark.integration


def test_top_suggestion_and_reasons(synergy_graph: Settings) -> None:
    found = synergies_for("stadt-duisburg", first=5, settings=synergy_graph)
    assert all(isinstance(s, SynergySuggestion) for s in found)
    top = found[0]
    assert (top.source_id, top.target_id, top.target_name) == (
        "stadt-duisburg",
        "jobcenter-duisburg",
        "Jobcenter Duisburg",
    )
    # charta 1.0 + Adamic-Adar 1/ln 2 + cosine 1.0 + same town 0.5
    assert top.score == pytest.approx(1.0 + 1 / math.log(2) + 1.0 + 0.5, abs=1e-3)
    assert top.reasons == (
        "Beide haben die Charta der Vielfalt unterzeichnet",
        "Gemeinsame Kooperationspartner: Verein X",
        "Ähnliche Maßnahmen (Ähnlichkeit 1,00): bei beiden v. a. „Interkulturelle "
        "Fortbildung“ im Handlungsfeld „Fortbildung / interkulturelle Kompetenz“",
        "Beide sind in Duisburg ansässig",
    )
    # existing partners are never suggested; Verein Y shares nothing
    assert {s.target_id for s in found} == {"jobcenter-duisburg"}


def test_first_limits_and_order_is_stable(synergy_graph: Settings) -> None:
    one = synergies_for("jobcenter-duisburg", first=1, settings=synergy_graph)
    assert [s.target_id for s in one] == ["stadt-duisburg"]
    assert one == synergies_for("jobcenter-duisburg", first=1, settings=synergy_graph)


def test_unknown_organisation_is_not_found(synergy_graph: Settings) -> None:
    with pytest.raises(NotFound, match="nicht-da"):
        synergies_for("nicht-da", settings=synergy_graph)
    with pytest.raises(NotFound):
        synergies_for("charta", settings=synergy_graph)  # a programme is no organisation


def test_empty_graph_knows_no_organisation(graph: Settings) -> None:
    with pytest.raises(NotFound):
        synergies_for("verein-y", settings=graph)


def test_organisation_sharing_nothing_gets_no_suggestion(synergy_graph: Settings) -> None:
    assert synergies_for("verein-y", settings=synergy_graph) == []


@pytest.mark.parametrize("where", ["corpus", "synthetic"])
def test_neighbourhood_answers_like_the_whole_projection(
    where: str, request: pytest.FixtureRequest
) -> None:
    """synergies_for reads only the two hops around the organisation (plus namesakes of its
    town and similar measure profiles); for every organisation the suggestions, scores and
    reasons must be those computed over the whole graph."""
    from queries import db
    from queries.analytics.synergy import synergies
    from queries.projection import measure_profiles, project
    from tests.graphs import synthetic_graph, write_graph

    if where == "corpus":
        settings = request.getfixturevalue("corpus_graph")
    else:
        settings = request.getfixturevalue("graph")
        write_graph(synthetic_graph(300, 6, n_links=1200, hub_exponent=0.8), settings)
    ids = [r["id"] for r in db.read("MATCH (o:Organisation) RETURN o.id AS id", settings)]
    assert len(ids) >= 50
    whole, profiles = project(settings), measure_profiles(settings)
    suggested = 0
    for org_id in ids:
        expected = synergies(whole, profiles, org_id, first=8)
        assert synergies_for(org_id, first=8, settings=settings) == expected, org_id
        suggested += bool(expected)
    assert suggested >= len(ids) // 3  # the comparison is about real suggestions
