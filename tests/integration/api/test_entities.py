"""Single entities and their nested fields over HTTP, against the small graph."""

from __future__ import annotations

import pytest

from queries.settings import Settings

from .conftest import D1, D2, GQL

pytestmark = pytest.mark.integration

ORG = """
query($id: ID!, $cat: Int) {
  organisation(id: $id) {
    id name type aliases
    parent { id }
    units { organisation { id } type }
    partners { organisation { id name } type evidence { docId line page quote document { title } } }
    programmes { programme { id name kind } type outgoing }
    measures(fieldOfAction: $cat) { id title year type fieldOfAction { id name }
                                    evidence { docId line } organisation { id } }
    documents { id title }
    evidence { docId line quote }
  }
}"""


def test_organisation_with_nested_fields(small: Settings, gql: GQL) -> None:
    body = gql(ORG, id="stadt-koeln")
    assert "errors" not in body, body
    o = body["data"]["organisation"]
    assert (o["name"], o["type"], o["aliases"]) == ("Stadt Köln", "Kommune", [])
    assert o["parent"] is None
    assert o["units"] == [{"organisation": {"id": "amt-integration-koeln"}, "type": "PART_OF"}]
    partners = {p["organisation"]["id"]: p for p in o["partners"]}
    assert set(partners) == {"awo-koeln", "stadt-duesseldorf"}
    awo = partners["awo-koeln"]
    assert {(e["docId"], e["line"], e["page"]) for e in awo["evidence"]} == {
        (D1, 3, 1),
        (D2, 7, -1),
    }
    assert {e["document"]["title"] for e in awo["evidence"]} == {
        "Bericht Köln",
        "Bericht Düsseldorf",
    }
    assert [(p["programme"]["id"], p["type"], p["outgoing"]) for p in o["programmes"]] == [
        ("iq", "PARTICIPATES_IN", True)
    ]
    assert {m["id"] for m in o["measures"]} == {"m1", "m2"}
    m1 = next(m for m in o["measures"] if m["id"] == "m1")
    assert m1["fieldOfAction"]["id"] == 2 and m1["year"] == 2021
    assert m1["evidence"] == {"docId": D1, "line": 10}
    assert m1["organisation"] == {"id": "stadt-koeln"}
    assert {d["id"] for d in o["documents"]} == {D1}
    assert {e["line"] for e in o["evidence"]} == {3, 4}


def test_measures_filtered_by_field_of_action(small: Settings, gql: GQL) -> None:
    o = gql(ORG, id="stadt-koeln", cat=1)["data"]["organisation"]
    assert [m["id"] for m in o["measures"]] == ["m2"]


def test_unit_sees_parent_and_other_link_types(small: Settings, gql: GQL) -> None:
    o = gql(ORG, id="amt-integration-koeln")["data"]["organisation"]
    assert o["parent"] == {"id": "stadt-koeln"}
    awo = gql("""{ organisation(id: "awo-koeln") { organisationLinks { organisation { id } type
                   outgoing } } }""")["data"]["organisation"]
    assert {
        (x["organisation"]["id"], x["type"], x["outgoing"]) for x in awo["organisationLinks"]
    } == {
        ("stadt-koeln", "COOPERATES_WITH", True),
        ("jobcenter-koeln", "COOPERATES_WITH", True),
        ("stadt-koeln", "FUNDED_BY", True),
    }  # symmetric links go from the smaller id


def test_unknown_organisation_is_null(small: Settings, gql: GQL) -> None:
    body = gql(ORG, id="gibt-es-nicht")
    assert body["data"]["organisation"] is None and "errors" not in body


def test_programme_participants_organiser(small: Settings, gql: GQL) -> None:
    body = gql("""{ programme(id: "iq") { name kind aliases
        participants { organisation { id } type evidence { line } }
        organiser { id } organisers { organisation { name } evidence { quote } }
        funders { organisation { id } } evidence { docId } } }""")
    p = body["data"]["programme"]
    assert p["kind"] == "Netzwerk" and p["aliases"] == ["IQ"]
    assert {(x["organisation"]["id"], x["type"]) for x in p["participants"]} == {
        ("stadt-koeln", "PARTICIPATES_IN"),
        ("awo-koeln", "PARTICIPATES_IN"),
    }
    assert p["organiser"] == {"id": "jobcenter-koeln"}
    assert p["organisers"][0]["evidence"][0]["quote"].startswith("IQ wird")
    assert p["funders"] == []
    assert p["evidence"] == [{"docId": D1}]


def test_categories_and_stats(small: Settings, gql: GQL) -> None:
    body = gql("""{ categories { id name }
                   stats { nodes { key count } relationships { key count }
                           organisationTypes { key count } } }""")
    assert [c["id"] for c in body["data"]["categories"]] == [1, 2, 3, 4, 5, 6]
    stats = body["data"]["stats"]
    nodes = {c["key"]: c["count"] for c in stats["nodes"]}
    assert nodes["Organisation"] == 7 and nodes["Programme"] == 2 and nodes["Measure"] == 4
    rels = {c["key"]: c["count"] for c in stats["relationships"]}
    assert rels["COOPERATES_WITH"] == 3 and rels["PARTICIPATES_IN"] == 2
    types = {c["key"]: c["count"] for c in stats["organisationTypes"]}
    assert types["Kommune"] == 3 and sum(types.values()) == 7
