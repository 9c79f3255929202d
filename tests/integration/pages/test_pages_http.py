"""The pages over real HTTP: German text, escaping, 404 pages, static files, no CDN."""

from __future__ import annotations

import re

import httpx
import pytest

from queries.settings import Settings, get_settings
from tests.integration.pages.sample_graph import EVIL_QUOTE

pytestmark = pytest.mark.integration

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
        assert "in" in text and "Gruppen zusammengefasst" in text
        group = http.get("/api/netzwerk/gruppe/g1").json()
        members = {n["id"] for n in group["nodes"]}
        assert members and all(k.startswith(("org:", "prog:")) for k in members)
        assert all("x" in n and "y" in n for n in group["nodes"])
        isolated = http.get("/api/netzwerk/gruppe/ohne-links").json()
        assert {n["id"] for n in isolated["nodes"]} == {"org:schule-f"}
        missing = http.get("/api/netzwerk/gruppe/g99")
        assert missing.status_code == 404 and "gibt es nicht" in missing.json()["error"]
    finally:
        settings.viz_aggregate_above = before
