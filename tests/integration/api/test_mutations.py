"""Curation mutations: refused without a valid key; with one, applied to the graph and
recorded (by name) in the corrections file so a reload can repeat them."""

from __future__ import annotations

import pytest

from queries.corrections import load_corrections
from queries.settings import Settings

from .conftest import GQL, KEY, error_text

pytestmark = pytest.mark.integration

RENAME = """mutation($id: ID!, $name: String!) { renameOrganisation(id: $id, name: $name) {
  ok message recordedIn } }"""
MERGE = """mutation($k: ID!, $r: ID!) { mergeOrganisations(keep: $k, remove: $r) { ok message } }"""
ADD = """mutation($s: ID!, $t: ID!, $type: LinkType!, $ev: EvidenceInput!) {
  addLink(source: $s, target: $t, type: $type, evidence: $ev) { ok message } }"""
REJECT = """mutation($s: ID!, $t: ID!, $type: LinkType!) {
  rejectLink(source: $s, target: $t, type: $type) { ok message } }"""
PARTNERS = """query($id: ID!) { organisation(id: $id) { name aliases
  partners { organisation { id } evidence { docId quote } } } }"""


def partner_ids(gql: GQL, org: str) -> set[str]:
    return {
        p["organisation"]["id"] for p in gql(PARTNERS, id=org)["data"]["organisation"]["partners"]
    }


@pytest.mark.parametrize("key", [None, "falscher-schluessel"])
def test_mutations_need_a_valid_key(
    small: Settings, curator: Settings, gql: GQL, key: str | None
) -> None:
    calls = [
        (RENAME, {"id": "stadt-koeln", "name": "X"}),
        (MERGE, {"k": "stadt-koeln", "r": "awo-koeln"}),
        (
            ADD,
            {
                "s": "stadt-koeln",
                "t": "polizei-essen",
                "type": "COOPERATES_WITH",
                "ev": {"quote": "q"},
            },
        ),
        (REJECT, {"s": "stadt-koeln", "t": "awo-koeln", "type": "COOPERATES_WITH"}),
    ]
    for query, variables in calls:
        body = gql(query, key=key, **variables)
        assert body["data"] is None and "API-Schlüssel" in error_text(body)
    assert gql(PARTNERS, id="stadt-koeln")["data"]["organisation"]["name"] == "Stadt Köln"
    assert partner_ids(gql, "stadt-koeln") == {"awo-koeln", "stadt-duesseldorf"}
    assert not curator.corrections_file.exists()


def test_rename(small: Settings, curator: Settings, gql: GQL) -> None:
    body = gql(RENAME, key=KEY, id="stadt-koeln", name="Stadt Köln am Rhein")
    assert body["data"]["renameOrganisation"]["ok"] is True, body
    org = gql(PARTNERS, id="stadt-koeln")["data"]["organisation"]
    assert org["name"] == "Stadt Köln am Rhein" and "Stadt Köln" in org["aliases"]
    hits = gql('{ search(text: "Rhein", first: 3) { id } }')["data"]["search"]
    assert hits[0]["id"] == "stadt-koeln"
    rec = load_corrections(curator.corrections_file)
    assert [(r.name, r.to) for r in rec.renames] == [("Stadt Köln", "Stadt Köln am Rhein")]
    assert "leer" in error_text(gql(RENAME, key=KEY, id="stadt-koeln", name="  "))
    assert "gibt es nicht" in error_text(gql(RENAME, key=KEY, id="nirgendwo", name="Y"))


def test_add_link_then_reject_it(small: Settings, curator: Settings, gql: GQL) -> None:
    body = gql(
        ADD,
        key=KEY,
        s="stadt-koeln",
        t="polizei-essen",
        type="COOPERATES_WITH",
        ev={"quote": "Telefonat mit der Koordinatorin"},
    )
    assert body["data"]["addLink"]["ok"] is True, body
    partners = gql(PARTNERS, id="polizei-essen")["data"]["organisation"]["partners"]
    assert partners == [
        {
            "organisation": {"id": "stadt-koeln"},
            "evidence": [{"docId": "curation", "quote": "Telefonat mit der Koordinatorin"}],
        }
    ]
    body = gql(REJECT, key=KEY, s="polizei-essen", t="stadt-koeln", type="COOPERATES_WITH")
    assert body["data"]["rejectLink"]["ok"] is True, body
    assert partner_ids(gql, "polizei-essen") == set()
    rec = load_corrections(curator.corrections_file)
    assert [(x.source, x.target, x.type, x.doc) for x in rec.add_links] == [
        ("Polizei Essen", "Stadt Köln", "COOPERATES_WITH", None)
    ]
    assert [(x.source, x.target) for x in rec.reject_links] == [("Polizei Essen", "Stadt Köln")]


def test_add_link_checks_the_model(small: Settings, curator: Settings, gql: GQL) -> None:
    wrong_ends = gql(
        ADD, key=KEY, s="iq", t="stadt-koeln", type="PARTICIPATES_IN", ev={"quote": "q"}
    )
    assert "verbindet nicht Programme mit Organisation" in error_text(wrong_ends)
    assert "gibt es nicht" in error_text(
        gql(ADD, key=KEY, s="stadt-koeln", t="nirgendwo", type="SIGNED", ev={"quote": "q"})
    )
    assert "Beleg" in error_text(
        gql(ADD, key=KEY, s="stadt-koeln", t="iq", type="SIGNED", ev={"quote": " "})
    )
    assert "LinkType" in error_text(
        gql(ADD, key=KEY, s="stadt-koeln", t="iq", type="LIKES", ev={"quote": "q"})
    )
    assert not curator.corrections_file.exists()


def test_merge_moves_links_evidence_and_measures(
    small: Settings, curator: Settings, gql: GQL
) -> None:
    body = gql(MERGE, key=KEY, k="stadt-koeln", r="amt-integration-koeln")
    assert body["data"]["mergeOrganisations"]["ok"] is True, body
    assert gql(PARTNERS, id="amt-integration-koeln")["data"]["organisation"] is None
    # merge AWO into the Jobcenter: AWO's links (both directions) now belong to the Jobcenter
    body = gql(MERGE, key=KEY, k="jobcenter-koeln", r="awo-koeln")
    assert body["data"]["mergeOrganisations"]["ok"] is True, body
    job = gql("""{ organisation(id: "jobcenter-koeln") { aliases
        partners { organisation { id } evidence { line } }
        programmes { programme { id } } measures { id }
        organisationLinks { organisation { id } type outgoing } } }""")["data"]["organisation"]
    assert {"AWO Köln", "Arbeiterwohlfahrt Köln"} <= set(job["aliases"])
    partners = {p["organisation"]["id"]: p for p in job["partners"]}
    assert set(partners) == {"stadt-koeln"}
    assert {e["line"] for e in partners["stadt-koeln"]["evidence"]} == {3, 7}
    assert [p["programme"]["id"] for p in job["programmes"]] == ["iq", "iq"] or {
        p["programme"]["id"] for p in job["programmes"]
    } == {"iq"}
    assert [m["id"] for m in job["measures"]] == ["m3"]
    assert ("stadt-koeln", "FUNDED_BY", True) in {
        (x["organisation"]["id"], x["type"], x["outgoing"]) for x in job["organisationLinks"]
    }
    rec = load_corrections(curator.corrections_file)
    assert [(m.names, m.into) for m in rec.merges] == [
        (("Amt für Integration Köln",), "Stadt Köln"),
        (("AWO Köln",), "Jobcenter Köln"),
    ]
    assert "sich selbst" in error_text(gql(MERGE, key=KEY, k="stadt-koeln", r="stadt-koeln"))
    assert "gibt es nicht" in error_text(gql(MERGE, key=KEY, k="stadt-koeln", r="iq"))
