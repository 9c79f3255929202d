"""Report and link years through the real writer and reads: stored beside the evidence,
aligned with it after reloads and removals, and shown by GraphQL, pages and networks."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import httpx
import pytest

from loaders.load.batch import to_batch
from loaders.load.writer import remove_document, write_batch
from queries import db
from queries.documents import document_infos
from queries.network import whole_network
from queries.settings import Settings
from tests.integration.pages.dated_report import REPORT, dated_report, write_dated_report
from tests.integration.pages.sample_graph import load_sample

pytestmark = pytest.mark.integration

_EVIDENCE = """
MATCH (a {id: $a})-[r:COOPERATES_WITH]-(b {id: $b})
RETURN r.ev_docs AS docs, r.ev_lines AS lines, r.ev_years AS years
"""


def _evidence(settings: Settings, a: str, b: str) -> dict[str, Any] | None:
    rows = db.read(_EVIDENCE, settings, a=a, b=b)
    return rows[0] if rows else None


def test_link_years_are_stored_beside_their_evidence_and_reloads_change_nothing(
    graph: Settings,
) -> None:
    load_sample(graph)
    write_dated_report(graph)
    first = _evidence(graph, "stadt-a", "d-stiftung")
    assert first == {"docs": [REPORT], "lines": [2], "years": [2018]}  # the sentence's year
    assert _evidence(graph, "verein-b", "e-hochschule")["years"] == [2019]  # the report's
    write_dated_report(graph)  # reloading the same report
    assert _evidence(graph, "stadt-a", "d-stiftung") == first
    # the sample's cooperation gains a second piece of evidence from another report
    other = replace(dated_report(2020), doc="bericht-2020.txt", sha256="other")
    write_batch(to_batch(other), graph)
    both = _evidence(graph, "stadt-a", "d-stiftung")
    assert both is not None and sorted(zip(both["docs"], both["years"], strict=True)) == [
        ("bericht-2019.txt", 2018),
        ("bericht-2020.txt", 2018),
    ]
    remove_document("bericht-2019.txt", graph)
    assert _evidence(graph, "stadt-a", "d-stiftung") == {
        "docs": ["bericht-2020.txt"],
        "lines": [2],
        "years": [2018],
    }


def test_documents_and_networks_carry_their_years(graph: Settings) -> None:
    load_sample(graph)
    write_dated_report(graph)
    infos = document_infos(graph)
    assert (infos[REPORT].title, infos[REPORT].publisher, infos[REPORT].year) == (
        "Bericht über die Zusammenarbeit",
        "Stadt A",
        2019,
    )
    assert infos["sample.txt"].year == 2022  # no stored year: its measures' most common, later
    net = whole_network(graph)
    years = {(k.source, k.target): k.years for k in net.links}
    assert years[("org:d-stiftung", "org:stadt-a")] == (2018,)
    assert years[("org:stadt-a", "org:verein-b")] == (2022,)
    assert {n.key: n.years for n in net.nodes}["org:e-hochschule"] == (2019,)


def test_graphql_document_and_source_page_show_title_publisher_and_year(
    graph: Settings, http: httpx.Client
) -> None:
    load_sample(graph)
    write_dated_report(graph)
    query = """{ organisation(id: "stadt-a") { partners(first: 10) {
        organisation { id } evidence { line year document { id title publisher year path } }
    } } }"""
    body = http.post("/graphql", json={"query": query}).json()
    assert "errors" not in body, body
    docs = [
        e["document"]
        for p in body["data"]["organisation"]["partners"]
        for e in p["evidence"]
        if e["document"] and e["document"]["id"] == REPORT
    ]
    years = {
        (p["organisation"]["id"], e["line"], e["year"])
        for p in body["data"]["organisation"]["partners"]
        for e in p["evidence"]
    }
    assert ("d-stiftung", 2, 2018) in years  # stated in the sentence
    assert ("verein-b", 1, 2022) in years  # not stored: the sample report's year
    assert docs and docs[0] == {
        "id": REPORT,
        "title": "Bericht über die Zusammenarbeit",
        "publisher": "Stadt A",
        "year": 2019,
        "path": REPORT,  # a file name, never the server's folder
    }
    listed = http.post(
        "/graphql", json={"query": "{ documents(year: 2019) { id title publisher year } }"}
    ).json()
    assert listed["data"]["documents"] == [
        {"id": REPORT, "title": "Bericht über die Zusammenarbeit", "publisher": "Stadt A",
         "year": 2019}
    ]  # fmt: skip
    every = http.post("/graphql", json={"query": "{ documents { id year } }"}).json()
    assert {(d["id"], d["year"]) for d in every["data"]["documents"]} == {
        (REPORT, 2019),
        ("sample.txt", 2022),
    }
    page = http.get("/organisation/stadt-a").text
    assert "„Bericht über die Zusammenarbeit“ (2019), Zeile 2" in page
    source = http.get(f"/dokument/{REPORT}", params={"zeile": 2}).text
    assert "<h1>Bericht über die Zusammenarbeit</h1>" in source
    assert 'Herausgeber: <span class="publisher">Stadt A</span>' in source
    assert 'Berichtsjahr <span class="year">2019</span>' in source
