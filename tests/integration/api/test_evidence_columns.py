"""A link field reads only the evidence it shows: ``evidence { docId line }`` leaves the
quotes in the database, a field without ``evidence`` reads none (``LinkQuery.evidence``),
and every selection still gets exactly the values the full read gives."""

from __future__ import annotations

import pytest

from queries import db
from queries.read_links import LinkQuery, links_for
from queries.settings import Settings

from .conftest import D1, D2, GQL

pytestmark = pytest.mark.integration

FULL = "docId line page quote"  # `year` may look up the report: a round trip of its own


def _evidence(links: list[dict], fields: str) -> set[tuple]:
    names = fields.split()
    return {(x["organisation"]["id"], *(e[n] for n in names)) for x in links for e in x["evidence"]}


def test_the_read_leaves_out_what_the_key_does_not_name(small: Settings) -> None:
    keys = [
        LinkQuery("stadt-koeln", ("COOPERATES_WITH",)),
        LinkQuery("stadt-koeln", ("COOPERATES_WITH",), evidence=("line",)),
        LinkQuery("stadt-koeln", ("COOPERATES_WITH",), evidence=()),
        LinkQuery("stadt-koeln", ("COOPERATES_WITH",), evidence=None),
    ]
    full, lines, docs, none = (db.fetch(links_for(keys), small)[k] for k in keys)
    awo = [r for r in full if r.other.id == "awo-koeln"][0]
    assert {(e.doc, e.line, e.page) for e in awo.evidence} == {(D1, 3, 1), (D2, 7, -1)}
    assert all(e.quote for e in awo.evidence)
    assert [[(e.doc, e.line) for e in r.evidence] for r in lines] == [
        [(e.doc, e.line) for e in r.evidence] for r in full
    ]
    assert all(e.quote is None and e.page is None for r in lines for e in r.evidence)
    assert [[e.doc for e in r.evidence] for r in docs] == [
        [e.doc for e in r.evidence] for r in full
    ]
    assert all(e.line is None for r in docs for e in r.evidence)
    assert [r.other.id for r in none] == [r.other.id for r in full]
    assert all(r.evidence == () for r in none)


def test_each_selection_gets_its_columns_in_one_round_trip(small: Settings, gql: GQL) -> None:
    body = gql(f"""{{ organisation(id: "stadt-koeln") {{
      few: partners {{ organisation {{ id }} evidence {{ docId line }} }}
      full: partners {{ organisation {{ id }} evidence {{ {FULL} }} }}
      frag: partners {{ organisation {{ id }} evidence {{ docId ...Q }} }}
      bare: partners {{ organisation {{ id }} }}
      programmes {{ programme {{ id }} evidence {{ quote }} }}
    }} }}
    fragment Q on Evidence {{ quote }}""")
    assert "errors" not in body, body
    assert body["extensions"]["dbRoundTrips"] == 1  # every key prefetched with its columns
    o = body["data"]["organisation"]
    full = _evidence(o["full"], FULL)
    assert _evidence(o["few"], "docId line") == {(i, d, n) for i, d, n, *_ in full}
    assert _evidence(o["frag"], "docId quote") == {(i, d, q) for i, d, _, _, q in full}
    assert all(q for *_, q in full)
    assert [x["organisation"]["id"] for x in o["bare"]] == [
        x["organisation"]["id"] for x in o["full"]
    ]
    assert o["programmes"][0]["evidence"] == [{"quote": "Köln ist Teil von IQ."}]


def test_a_field_selected_twice_reads_what_both_select(small: Settings, gql: GQL) -> None:
    """graphql merges the two selections of one response key: the read serves both."""
    body = gql("""{ organisation(id: "stadt-koeln") {
      partners { organisation { id } evidence { line } }
      partners { evidence { quote } } } }""")
    assert "errors" not in body, body
    assert body["extensions"]["dbRoundTrips"] == 1
    ev = {
        (e["line"], e["quote"])
        for x in body["data"]["organisation"]["partners"]
        for e in x["evidence"]
    }
    assert (3, "Die Stadt Köln kooperiert mit der AWO Köln.") in ev
    assert all(q for _, q in ev)


def test_pages_and_programmes_read_the_selected_columns(small: Settings, gql: GQL) -> None:
    """Below a page (no prefetch) and on programmes, each resolver keys its own columns."""
    page = """{ organisations(first: 10) { edges { node { id partners { organisation { id }
      evidence { %s } } } } } }"""
    few = gql(page % "docId line")["data"]["organisations"]["edges"]
    full = gql(page % FULL)["data"]["organisations"]["edges"]
    assert [
        [[(e["docId"], e["line"]) for e in x["evidence"]] for x in n["node"]["partners"]]
        for n in few
    ] == [
        [[(e["docId"], e["line"]) for e in x["evidence"]] for x in n["node"]["partners"]]
        for n in full
    ]
    assert any(e["quote"] for n in full for x in n["node"]["partners"] for e in x["evidence"])
    prog = gql("""{ programme(id: "iq") { participants { organisation { id } evidence { year
      quote document { title } } } organiser { id } } }""")
    assert "errors" not in prog, prog
    p = prog["data"]["programme"]
    assert p["organiser"] == {"id": "jobcenter-koeln"}
    assert {(x["organisation"]["id"], x["evidence"][0]["quote"]) for x in p["participants"]} == {
        ("stadt-koeln", "Köln ist Teil von IQ."),
        ("awo-koeln", "Die AWO ist bei IQ."),
    }
    assert all(x["evidence"][0]["document"]["title"] == "Bericht Köln" for x in p["participants"])
