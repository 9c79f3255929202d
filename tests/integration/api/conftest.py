"""Fixtures of the API tests: a small hand-checkable graph and a GraphQL client over HTTP.

The graph (two documents, seven organisations, two programmes) follows docs/graph-model.md
and is written through ``queries.sample_graph``, so every expected answer below can be checked
by reading this file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from queries.sample_graph import SampleGraph, link_row, write_sample_graph
from queries.settings import Settings, get_settings, hash_api_key

D1, D2 = "bericht-koeln.pdf", "bericht-duesseldorf.html"
KEY = "kurator-schluessel"


def org(id_: str, name: str, type_: str, *aliases: str) -> dict[str, Any]:
    return {"id": id_, "name": name, "type": type_, "aliases": list(aliases)}


def measure(id_: str, org_id: str, title: str, type_: str, cat: int, year: int, doc: str,
            line: int) -> dict[str, Any]:
    return {"id": id_, "org_id": org_id, "title": title, "type": type_, "category": cat,
            "year": year, "doc": doc, "line": line, "page": -1, "quote": f"{title} ({year})."}


def small_graph() -> SampleGraph:
    return SampleGraph(
        organisations=[
            org("stadt-duesseldorf", "Landeshauptstadt Düsseldorf", "Kommune",
                "Stadt Düsseldorf"),
            org("stadt-koeln", "Stadt Köln", "Kommune"),
            org("awo-koeln", "AWO Köln", "Wohlfahrtsverband", "Arbeiterwohlfahrt Köln"),
            org("jobcenter-koeln", "Jobcenter Köln", "Jobcenter"),
            org("amt-integration-koeln", "Amt für Integration Köln", "Kommune"),
            org("polizei-essen", "Polizei Essen", "Polizei"),
            org("strassenkinder-ev", "Straßenkinder e.V.", "Verein"),
        ],
        programmes=[
            {"id": "iq", "name": "Integration durch Qualifizierung (IQ)", "kind": "Netzwerk",
             "aliases": ["IQ"]},
            {"id": "charta-der-vielfalt", "name": "Charta der Vielfalt", "kind": "Charta",
             "aliases": []},
        ],
        documents=[{"id": D1, "title": "Bericht Köln"}, {"id": D2, "title": "Bericht Düsseldorf"}],
        links=[
            link_row("stadt-koeln", "awo-koeln", "COOPERATES_WITH",
                     [(D1, 3, 1, "Die Stadt Köln kooperiert mit der AWO Köln."),
                      (D2, 7, -1, "Köln und die AWO arbeiten zusammen.")]),
            link_row("jobcenter-koeln", "awo-koeln", "COOPERATES_WITH",
                     [(D1, 5, 1, "Die AWO Köln arbeitet mit dem Jobcenter Köln.")]),
            link_row("stadt-koeln", "stadt-duesseldorf", "COOPERATES_WITH",
                     [(D2, 2, -1, "Düsseldorf tauscht sich mit Köln aus.")]),
            link_row("stadt-koeln", "iq", "PARTICIPATES_IN", [(D1, 4, 1, "Köln ist Teil von IQ.")]),
            link_row("awo-koeln", "iq", "PARTICIPATES_IN", [(D1, 6, 1, "Die AWO ist bei IQ.")]),
            link_row("stadt-duesseldorf", "charta-der-vielfalt", "SIGNED",
                     [(D2, 9, -1, "Düsseldorf hat die Charta unterzeichnet.")]),
            link_row("amt-integration-koeln", "stadt-koeln", "PART_OF",
                     [(D1, 1, 1, "Das Amt für Integration der Stadt Köln ...")]),
            link_row("iq", "jobcenter-koeln", "ORGANISED_BY",
                     [(D1, 8, 2, "IQ wird vom Jobcenter Köln koordiniert.")]),
            link_row("awo-koeln", "stadt-koeln", "FUNDED_BY",
                     [(D1, 9, 2, "Die Stadt Köln fördert die AWO.")]),
        ],
        measures=[
            measure("m1", "stadt-koeln", "Interkulturelle Schulung", "fortbildung", 2, 2021, D1,
                    10),
            measure("m2", "stadt-koeln", "Anonymisierte Bewerbung", "personalgewinnung", 1, 2022,
                    D1, 11),
            measure("m3", "awo-koeln", "Sprachcafé", "teilhabe", 3, 2021, D1, 12),
            measure("m4", "stadt-duesseldorf", "Vielfaltsbericht", "kommunikation", 4, 2022, D2,
                    4),
        ],
        mentions=[
            {"doc": D1, "id": "stadt-koeln", "lines": [3, 4], "pages": [1, 1],
             "quotes": ["Die Stadt Köln kooperiert ...", "Köln ist Teil von IQ."],
             "reported": True},
            {"doc": D1, "id": "awo-koeln", "lines": [3], "pages": [1], "quotes": ["... AWO ..."],
             "reported": False},
            {"doc": D2, "id": "stadt-duesseldorf", "lines": [2], "pages": [-1],
             "quotes": ["Düsseldorf tauscht sich mit Köln aus."], "reported": True},
            {"doc": D1, "id": "iq", "lines": [4], "pages": [1], "quotes": ["Köln ist Teil von IQ."],
             "reported": False},
        ],
    )


@pytest.fixture()
def small(graph: Settings) -> Settings:
    """A clean graph holding :func:`small_graph`."""
    write_sample_graph(small_graph(), graph)
    return graph


GQL = Callable[..., dict[str, Any]]


@pytest.fixture()
def gql(http: httpx.Client) -> GQL:
    """POST a query; returns the JSON body (``data``, ``errors``, ``extensions``)."""

    def run(query: str, key: str | None = None, **variables: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        resp = http.post("/graphql", json={"query": query, "variables": variables},
                         headers=headers)
        assert resp.status_code == 200, resp.text
        return resp.json()

    return run


def error_text(body: dict[str, Any]) -> str:
    """All error messages of a response, joined (for ``in`` checks)."""
    return " | ".join(e["message"] for e in body.get("errors") or [])


@pytest.fixture()
def configure(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Settings]]:
    """Change settings of the running app for one test (env + cache clear), undone after."""

    def apply(**env: str) -> Settings:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        return get_settings()

    yield apply
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture()
def curator(configure: Callable[..., Settings], tmp_path: Path) -> Settings:
    """A known API key and a corrections file of this test's own."""
    return configure(API_KEY_HASHES=f'["{hash_api_key(KEY)}"]',
                     CORRECTIONS_FILE=str(tmp_path / "curation.yaml"))
