"""Every page on the loaded corpus, over real HTTP: organisations and programmes of the graph."""

from __future__ import annotations

import re

import httpx
import pytest

from queries import db
from queries.settings import Settings

pytestmark = pytest.mark.integration

_FOREIGN = re.compile(r"""(?:src|href)=["']https?://(?!127\.0\.0\.1)""")


def _best_connected(label: str, s: Settings) -> list[str]:
    rows = db.read(
        f"MATCH (n:{label}) RETURN n.id AS id, COUNT {{ (n)--() }} AS d "
        "ORDER BY d DESC, id LIMIT 3",
        s,
    )
    return [r["id"] for r in rows]


def test_pages_of_the_corpus(corpus_graph: Settings, http: httpx.Client) -> None:
    orgs = _best_connected("Organisation", corpus_graph)
    progs = _best_connected("Programme", corpus_graph)
    assert orgs and progs
    paths = [
        "/",
        "/netzwerk",
        *(f"/organisation/{i}" for i in orgs),
        *(f"/organisation/{orgs[0]}?tiefe={d}" for d in (2, 3)),
        *(f"/programm/{i}" for i in progs),
    ]
    for path in paths:
        page = http.get(path)
        assert page.status_code == 200, path
        assert 'lang="de"' in page.text, path
        assert not _FOREIGN.search(page.text), path
    name = db.read("MATCH (o:Organisation {id: $id}) RETURN o.name AS n", corpus_graph, id=orgs[0])[
        0
    ]["n"]
    assert name in http.get(f"/organisation/{orgs[0]}").text.replace("&amp;", "&")


def test_every_quote_cites_title_year_line_and_opens_its_passage(
    corpus_graph: Settings, http: httpx.Client
) -> None:
    """On an organisation page each quote names the document's title, report year and
    line and links to /dokument/…, where the cited line and the sentence are marked."""
    from html import unescape

    from queries.documents import document_infos

    infos = document_infos(corpus_graph)
    org = _best_connected("Organisation", corpus_graph)[0]
    page = http.get(f"/organisation/{org}").text
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", page, re.S)
    assert len(quotes) > 3
    links = []
    for block in quotes:
        found = re.search(
            r'<a class="src" href="(/dokument/([^"?]+)\?zeile=(\d+)#z\d+)">(.*?)</a>\)$', block
        )
        assert found, block
        url, doc, line, text = found.groups()
        info = infos[doc]
        assert unescape(text).startswith(info.citation) and f"Zeile {line}" in text
        assert info.year is None or f"({info.year})" in unescape(text)
        links.append((url, int(line)))
    for url, line in links[:5]:
        source = http.get(unescape(url))
        assert source.status_code == 200
        marked = re.findall(r'<span id="z(\d+)" class="line hit">', source.text)
        assert str(line) in marked, url
        assert "Textstelle" in source.text and "Aus dieser Zeile zitiert" in source.text


def test_source_page_errors_are_german(corpus_graph: Settings, http: httpx.Client) -> None:
    missing = http.get("/dokument/gibt-es-nicht.txt?zeile=3")
    assert missing.status_code == 404 and "gibt es nicht" in missing.text
    doc = db.read("MATCH (d:Document) RETURN d.id AS id LIMIT 1", corpus_graph)[0]["id"]
    too_far = http.get(f"/dokument/{doc}?zeile=99999999")
    assert too_far.status_code == 400 and "Zeilen" in too_far.text
