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
