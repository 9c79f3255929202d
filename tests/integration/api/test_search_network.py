"""Name search (umlauts, partial words), ego networks, cooperation paths, synergies."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from queries.settings import Settings

from .conftest import D1, GQL, error_text

pytestmark = pytest.mark.integration

SEARCH = "query($t: String!, $n: Int!) { search(text: $t, first: $n) { id label score name } }"


@pytest.mark.parametrize(
    "text",
    [
        "Düsseldorf",
        "dusseldorf",
        "duesseldorf",
        "Düssel",
        "DÜSSELDORF",
        "duess",
        "landeshauptstadt düss",
        "Dusseldrof",  # one typo (two letters swapped)
        "Duseldorf",  # one typo (a letter missing)
    ],
)
def test_search_finds_umlaut_names(small: Settings, gql: GQL, text: str) -> None:
    hits = gql(SEARCH, t=text, n=5)["data"]["search"]
    assert hits and hits[0]["id"] == "stadt-duesseldorf"


@pytest.mark.parametrize("text", ["koeln", "koln", "Köln", "KOELN"])
def test_umlauts_fold_both_ways(small: Settings, gql: GQL, text: str) -> None:
    ids = {h["id"] for h in gql(SEARCH, t=text, n=10)["data"]["search"]}
    assert ids == {"stadt-koeln", "awo-koeln", "jobcenter-koeln", "amt-integration-koeln"}


def test_two_typos_are_not_forgiven(small: Settings, gql: GQL) -> None:
    assert gql(SEARCH, t="Dsseldrof", n=5)["data"]["search"] == []


def test_a_renamed_organisation_is_found_by_its_folded_new_name(small: Settings, gql: GQL) -> None:
    from queries.curation_writes import rename_organisation

    rename_organisation("polizei-essen", "Polizeipräsidium Mülheim-Essen", small)
    for text in ("polizeipraesidium muelheim", "muelheimessen", "Polizei Essen"):
        hits = gql(SEARCH, t=text, n=3)["data"]["search"]
        assert hits and hits[0]["id"] == "polizei-essen", text


def test_search_ranks_and_covers_aliases_and_programmes(small: Settings, gql: GQL) -> None:
    hits = gql(SEARCH, t="köln", n=10)["data"]["search"]
    assert {h["id"] for h in hits} == {
        "stadt-koeln",
        "awo-koeln",
        "jobcenter-koeln",
        "amt-integration-koeln",
    }
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert gql(SEARCH, t="Arbeiterwohl", n=3)["data"]["search"][0]["id"] == "awo-koeln"
    prog = gql(SEARCH, t="Qualifizierung", n=3)["data"]["search"][0]
    assert (prog["id"], prog["label"]) == ("iq", "Programme")
    assert gql(SEARCH, t="Straßenkind", n=3)["data"]["search"][0]["id"] == "strassenkinder-ev"
    assert gql(SEARCH, t="strassenkinder", n=3)["data"]["search"][0]["id"] == "strassenkinder-ev"


@pytest.mark.parametrize("text", ['AWO (Köln) +"', "a:b OR c*", "\\/?~^"])
def test_search_escapes_lucene_syntax(small: Settings, gql: GQL, text: str) -> None:
    body = gql(SEARCH, t=text, n=5)
    assert "errors" not in body or "Suchbegriff" in error_text(body)


def test_search_without_letters_is_a_clear_error(small: Settings, gql: GQL) -> None:
    assert "Suchbegriff" in error_text(gql(SEARCH, t="  !! ", n=5))


EGO = """query($id: ID!, $d: Int!) { egoNetwork(id: $id, depth: $d) {
  truncated nodes { id label name } edges { source target type evidence { docId line } } } }"""


def test_ego_network_depth_one_and_two(small: Settings, gql: GQL) -> None:
    net = gql(EGO, id="jobcenter-koeln", d=1)["data"]["egoNetwork"]
    assert {n["id"] for n in net["nodes"]} == {"jobcenter-koeln", "awo-koeln", "iq"}
    assert {(e["source"], e["target"], e["type"]) for e in net["edges"]} == {
        ("awo-koeln", "jobcenter-koeln", "COOPERATES_WITH"),
        ("iq", "jobcenter-koeln", "ORGANISED_BY"),
        ("awo-koeln", "iq", "PARTICIPATES_IN"),  # a link among the ring is shown too
    }
    net2 = gql(EGO, id="jobcenter-koeln", d=2)["data"]["egoNetwork"]
    assert {n["id"] for n in net2["nodes"]} == {"jobcenter-koeln", "awo-koeln", "iq", "stadt-koeln"}
    assert net2["nodes"][0]["id"] == "jobcenter-koeln" and net2["truncated"] is False


@pytest.mark.parametrize("depth", [0, 4])
def test_ego_network_depth_is_limited(small: Settings, gql: GQL, depth: int) -> None:
    assert "depth muss zwischen 1 und 3" in error_text(gql(EGO, id="stadt-koeln", d=depth))


def test_ego_network_unknown_id(small: Settings, gql: GQL) -> None:
    assert "gibt es nicht" in error_text(gql(EGO, id="nirgendwo", d=1))


PATH = """query($a: ID!, $b: ID!) { cooperationPath(from: $a, to: $b) {
  length nodes { id } hops { source target type evidence { docId line quote } } } }"""


def test_cooperation_path_with_evidence(small: Settings, gql: GQL) -> None:
    path = gql(PATH, a="amt-integration-koeln", b="stadt-duesseldorf")["data"]["cooperationPath"]
    assert path["length"] == 2
    assert [n["id"] for n in path["nodes"]] == [
        "amt-integration-koeln",
        "stadt-koeln",
        "stadt-duesseldorf",
    ]
    first, second = path["hops"]
    assert (first["type"], first["evidence"][0]["docId"], first["evidence"][0]["line"]) == (
        "PART_OF",
        D1,
        1,
    )
    assert second["type"] == "COOPERATES_WITH" and "Düsseldorf" in second["evidence"][0]["quote"]


def test_no_path_is_null_and_unknown_is_error(small: Settings, gql: GQL) -> None:
    body = gql(PATH, a="polizei-essen", b="stadt-koeln")
    assert body["data"]["cooperationPath"] is None and "errors" not in body
    assert "gibt es nicht" in error_text(gql(PATH, a="polizei-essen", b="nirgendwo"))
    assert "dieselbe" in error_text(gql(PATH, a="stadt-koeln", b="stadt-koeln"))


SYN = """query($id: ID!, $n: Int!) { synergies(id: $id, first: $n) {
  sourceId targetId targetName score reasons target { id name } } }"""


@pytest.mark.skipif(
    importlib.util.find_spec("queries.analytics.synergy") is None,
    reason="queries.analytics.synergy not written yet",
)
def test_synergies_for_an_organisation(small: Settings, gql: GQL) -> None:
    from queries.analytics.synergy import synergies_for

    expected = synergies_for("jobcenter-koeln", first=5, settings=small)
    body = gql(SYN, id="jobcenter-koeln", n=5)
    assert "errors" not in body, body
    got = body["data"]["synergies"]
    assert [s["targetId"] for s in got] == [s.target_id for s in expected]
    for s in got:
        assert s["sourceId"] == "jobcenter-koeln" and s["target"]["id"] == s["targetId"]
        # a suggestion is never an existing partner
        assert s["targetId"] != "awo-koeln"
    assert "keine Organisation" in error_text(gql(SYN, id="nirgendwo", n=5))


def test_synergies_share_the_analysis_slots(
    small: Settings, http: httpx.Client, configure: Callable[..., Settings]
) -> None:
    """With one slot, concurrent synergy requests take turns (or wait): all are answered."""
    configure(GRAPHQL_ANALYSIS_SLOTS="1")
    payload = {"query": SYN, "variables": {"id": "jobcenter-koeln", "n": 5}}
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: http.post("/graphql", json=payload).json(), range(4)))
    assert all("errors" not in a for a in answers), answers
    assert len({str(a["data"]["synergies"]) for a in answers}) == 1
