"""The pages over real HTTP: German text, escaping, 404 pages, static files, no CDN."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

from queries.curation_writes import add_link, rename_organisation
from queries.settings import Settings, get_settings
from tests.integration.pages.sample_graph import EVIL_QUOTE

pytestmark = pytest.mark.integration


def graph_data(page: str) -> dict[str, Any]:
    """The network data a page embeds for network.js."""
    found = re.search(r'id="graph-data">(.*?)</script>', page, re.S)
    assert found, "no graph data on the page"
    return dict(json.loads(found.group(1)))


FOREIGN = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//(?!127\.0\.0\.1)""", re.I)


def test_start_page_shows_key_figures_and_search(
    sample_graph: Settings, http: httpx.Client
) -> None:
    page = http.get("/")
    assert page.status_code == 200
    figures = re.findall(r'<span class="n">(\d+)</span>\s*(\w+)', page.text)
    assert dict((w, int(n)) for n, w in figures) == {
        "Organisationen": 6,
        "Programme": 2,
        "Maßnahmen": 3,
        "Verbindungen": 6,
    }
    hits = http.get("/", params={"q": "iq"}).text
    assert 'href="/programm/iq"' in hits
    none = http.get("/", params={"q": "<b>gibt es nicht"}).text
    assert "Keine Organisation" in none and "&lt;b&gt;gibt es nicht" in none


def test_pages_escape_corpus_text(sample_graph: Settings, http: httpx.Client) -> None:
    for path in ("/organisation/stadt-a", "/netzwerk", "/organisation/verein-b"):
        text = http.get(path).text
        assert "<script>alert(1)</script>" not in text, path
        assert "Verein <B>" not in text, path
    org = http.get("/organisation/stadt-a").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in org
    assert EVIL_QUOTE.split("<")[0] in org


def test_organisation_page_sections(sample_graph: Settings, http: httpx.Client) -> None:
    text = http.get("/organisation/stadt-a", params={"tiefe": 2}).text
    for heading in (
        "Maßnahmen nach Handlungsfeld",
        "Programme",
        "Partner",
        "2. Fortbildung / interkulturelle Kompetenz",
    ):
        assert heading in text
    assert '<option value="2" selected>' in text
    assert 'href="/programm/charta"' in text and 'id="graph-data"' in text


def test_programme_page_lists_participants(sample_graph: Settings, http: httpx.Client) -> None:
    text = http.get("/programm/iq").text
    assert "Integration durch Qualifizierung (IQ)" in text and "2 Beteiligte" in text
    assert 'href="/organisation/jc-c"' in text


@pytest.mark.parametrize("path", ["/organisation/nope", "/programm/nope"])
def test_unknown_ids_give_a_german_404_page(
    sample_graph: Settings, http: httpx.Client, path: str
) -> None:
    page = http.get(path)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Nicht gefunden" in page.text and "ist nicht im Graphen" in page.text


def test_bad_depth_is_a_german_400_page(sample_graph: Settings, http: httpx.Client) -> None:
    page = http.get("/organisation/stadt-a", params={"tiefe": "9"})
    assert page.status_code == 400 and "Die Tiefe muss 1, 2 oder 3 sein." in page.text


def test_static_files_are_served_and_nothing_else(http: httpx.Client) -> None:
    js = http.get("/static/vis-network.min.js")
    assert js.status_code == 200 and "vis-network" in js.text[:2000]
    assert http.get("/static/pages.css").status_code == 200
    assert http.get("/static/..%2Fapp.py").status_code == 404
    assert http.get("/static/secret.txt").status_code == 404


def test_pages_reference_no_other_host(sample_graph: Settings, http: httpx.Client) -> None:
    for path in ("/", "/netzwerk", "/organisation/stadt-a", "/programm/iq"):
        assert not FOREIGN.search(http.get(path).text), path


def test_aggregated_network_and_group_endpoint(sample_graph: Settings, http: httpx.Client) -> None:
    settings = get_settings()
    before = settings.viz_aggregate_above
    settings.viz_aggregate_above = 3
    try:
        text = http.get("/netzwerk").text
        assert "Zusammengefasst in" in text and "Gruppen nach Gemeinschaft" in text
        group = http.get("/api/netzwerk/gruppe/g1").json()
        members = {n["id"] for n in group["nodes"]}
        assert members and all(k.startswith(("org:", "prog:")) for k in members)
        assert all("x" in n and "y" in n for n in group["nodes"])
        # a node without links is listed beside the drawing, in no group
        assert 'id="alone"' in text and 'href="/organisation/schule-f"' in text
        assert http.get("/api/netzwerk/gruppe/ohne-links").status_code == 404
        missing = http.get("/api/netzwerk/gruppe/g99")
        assert missing.status_code == 404 and "gibt es nicht" in missing.json()["error"]
    finally:
        settings.viz_aggregate_above = before


def test_start_page_search_uses_the_full_text_index(
    sample_graph: Settings, http: httpx.Client
) -> None:
    def hrefs(q: str) -> list[str]:
        return re.findall(r'<li><a href="([^"]+)"', http.get("/", params={"q": q}).text)

    assert hrefs("integ") == ["/programm/iq"]  # the start of a word is enough
    assert hrefs("HOCHSCHÜLE") == ["/organisation/e-hochschule"]  # case and umlauts folded
    assert hrefs("stadt") == ["/organisation/stadt-a"]
    schule = hrefs("schule")
    assert schule[0] == "/organisation/schule-f"  # a whole word ranks first
    problem = http.get("/", params={"q": "!!!"})
    assert problem.status_code == 200 and "ohne Buchstaben oder Ziffern" in problem.text


def test_whole_network_page_is_never_stale(sample_graph: Settings, http: httpx.Client) -> None:
    first = http.get("/netzwerk?nach=einzeln").text
    assert "Jobcenter C" in first and http.get("/netzwerk?nach=einzeln").text == first  # cached
    rename_organisation("jc-c", "Jobcenter Cäsar", sample_graph)
    names = {
        n["id"]: n["name"] for n in graph_data(http.get("/netzwerk?nach=einzeln").text)["nodes"]
    }
    assert names["org:jc-c"] == "Jobcenter Cäsar"
    add_link("verein-b", "schule-f", "COOPERATES_WITH", quote="Neu belegt.", settings=sample_graph)
    text = http.get("/netzwerk?nach=einzeln").text
    assert "8 Knoten, 7 Verbindungen" in text
    assert any("Neu belegt." in e["title"] for e in graph_data(text)["edges"])


def test_node_size_is_pagerank_and_the_legend_says_so(
    sample_graph: Settings, http: httpx.Client
) -> None:
    text = http.get("/netzwerk?nach=einzeln").text
    assert "Größe: Zentralität (PageRank" in text
    data = graph_data(text)
    value = {n["id"]: n["value"] for n in data["nodes"]}
    assert value["org:stadt-a"] > value["org:verein-b"] > 0
    assert "org:schule-f" not in value  # no link: listed, not drawn
    assert (
        "Zentralität (PageRank):"
        in next(n for n in data["nodes"] if n["id"] == "org:jc-c")["title"]
    )


def test_network_grouped_by_programme(sample_graph: Settings, http: httpx.Client) -> None:
    settings = get_settings()
    before = settings.viz_aggregate_above
    settings.viz_aggregate_above = 3
    try:
        text = http.get("/netzwerk", params={"nach": "programm"}).text
        assert "Ansicht:" in text and "Gruppen nach Programm" in text
        assert '<option value="programm" selected>' in text
        data = graph_data(text)
        assert {n["id"] for n in data["nodes"]} == {
            "group:p-iq",
            "group:p-charta",
            "group:ohne-programm",
        }
        meta = json.loads(data["meta"])
        assert meta["group_url"] == "/api/netzwerk/gruppe/{key}?nach=programm"
        iq = http.get("/api/netzwerk/gruppe/p-iq", params={"nach": "programm"}).json()
        assert {n["id"] for n in iq["nodes"]} == {"prog:iq", "org:jc-c"}
        assert iq["group_of"] == {"org:d-stiftung": "ohne-programm", "org:stadt-a": "p-charta"}
        assert http.get("/api/netzwerk/gruppe/g1", params={"nach": "programm"}).status_code == 404
        bad = http.get("/netzwerk", params={"nach": "farbe"})
        assert bad.status_code == 400 and "Gruppieren geht nach" in bad.text
        # by region: the town in the names ("Stadt A" has none here: all without a town)
        region = graph_data(http.get("/netzwerk", params={"nach": "region"}).text)
        assert {n["id"] for n in region["nodes"]} == {"group:ohne-ort"}
    finally:
        settings.viz_aggregate_above = before


def test_entities_read_as_people_expect(graph: Settings, http: httpx.Client) -> None:
    """Aliases collapsed after three, each participant once with all its roles, and the
    lead line spaced: "Programm (Projekt) · 2 Beteiligte · auch: …"."""
    from html import unescape

    from tests.graphs import SampleGraph, write_graph

    ev = ("bericht.txt", 4, -1, "Verein X nimmt an VielfaltPlus+ teil und unterzeichnet.")
    g = (
        SampleGraph()
        .document("bericht.txt", "Bericht")
        .programme("vp", "VielfaltPlus+", "Projekt", "VP", "VP+", "Vielfalt Plus", "V+", "VPX")
        .organisation("x", "Verein X", "Verein")
        .organisation("y", "Verein Y", "Verein")
        .link("x", "PARTICIPATES_IN", "vp", ev)
        .link("x", "SIGNED", "vp", ev)
        .link("y", "PARTICIPATES_IN", "vp", ("bericht.txt", 9, -1, "Verein Y auch."))
    )
    write_graph(g, graph)
    page = http.get("/programm/vp").text
    lead = re.search(r'<div class="lead">(.*?)</div>', page, re.S)
    assert lead
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", lead.group(1))).split())
    assert text.startswith("Programm (Projekt) · 2 Beteiligte · auch: ")
    assert "… 2 weitere" in text and "<details" in lead.group(1)
    assert page.count('href="/organisation/x"') == 1
    roles = re.search(r'href="/organisation/x">Verein X</a>(.*?)</li>', page, re.S)
    assert roles and ">Teilnehmer<" in roles.group(1) and ">Unterzeichner<" in roles.group(1)
    assert roles.group(1).count("<blockquote>") == 1  # the one quote, not once per role


def test_tooltips_cite_title_report_year_and_line(
    sample_graph: Settings, http: httpx.Client
) -> None:
    """The sample's measures are dated 2020, 2021 and 2022 (one each): the later year wins."""
    edges = graph_data(http.get("/netzwerk?nach=einzeln").text)["edges"]
    coop = next(e["title"] for e in edges if e["ltype"] == "COOPERATES_WITH")
    assert "(„sample.txt“ (2022), Zeile 1)" in coop
