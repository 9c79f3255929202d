"""Fixtures of the API tests: a small hand-checkable graph and a GraphQL client over HTTP.

The graph (two documents, seven organisations, two programmes) follows docs/graph-model.md
and is written through ``tests.graphs`` (by the production writer), so every expected answer
below can be checked by reading this file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from queries.settings import Settings, get_settings, hash_api_key
from tests.graphs import SampleGraph, write_graph

D1, D2 = "bericht-koeln.pdf", "bericht-duesseldorf.html"
KEY = "kurator-schluessel"


def measure(
    g: SampleGraph,
    id_: str,
    org_id: str,
    title: str,
    type_: str,
    cat: int,
    year: int,
    doc: str,
    line: int,
) -> SampleGraph:
    return g.measure(
        id_,
        org_id,
        title,
        (doc, line, -1, f"{title} ({year})."),
        category=cat,
        type_=type_,
        year=year,
    )


def small_graph() -> SampleGraph:
    g = (
        SampleGraph()
        .organisation(
            "stadt-duesseldorf", "Landeshauptstadt Düsseldorf", "Kommune", "Stadt Düsseldorf"
        )
        .organisation("stadt-koeln", "Stadt Köln", "Kommune")
        .organisation("awo-koeln", "AWO Köln", "Wohlfahrtsverband", "Arbeiterwohlfahrt Köln")
        .organisation("jobcenter-koeln", "Jobcenter Köln", "Jobcenter")
        .organisation("amt-integration-koeln", "Amt für Integration Köln", "Kommune")
        .organisation("polizei-essen", "Polizei Essen", "Polizei")
        .organisation("strassenkinder-ev", "Straßenkinder e.V.", "Verein")
        .programme("iq", "Integration durch Qualifizierung (IQ)", "Netzwerk", "IQ")
        .programme("charta-der-vielfalt", "Charta der Vielfalt", "Charta")
        .document(D1, "Bericht Köln")
        .document(D2, "Bericht Düsseldorf")
        .link(
            "stadt-koeln",
            "COOPERATES_WITH",
            "awo-koeln",
            (D1, 3, 1, "Die Stadt Köln kooperiert mit der AWO Köln."),
            (D2, 7, -1, "Köln und die AWO arbeiten zusammen."),
        )
        .link(
            "jobcenter-koeln",
            "COOPERATES_WITH",
            "awo-koeln",
            (D1, 5, 1, "Die AWO Köln arbeitet mit dem Jobcenter Köln."),
        )
        .link(
            "stadt-koeln",
            "COOPERATES_WITH",
            "stadt-duesseldorf",
            (D2, 2, -1, "Düsseldorf tauscht sich mit Köln aus."),
        )
        .link("stadt-koeln", "PARTICIPATES_IN", "iq", (D1, 4, 1, "Köln ist Teil von IQ."))
        .link("awo-koeln", "PARTICIPATES_IN", "iq", (D1, 6, 1, "Die AWO ist bei IQ."))
        .link(
            "stadt-duesseldorf",
            "SIGNED",
            "charta-der-vielfalt",
            (D2, 9, -1, "Düsseldorf hat die Charta unterzeichnet."),
        )
        .link(
            "amt-integration-koeln",
            "PART_OF",
            "stadt-koeln",
            (D1, 1, 1, "Das Amt für Integration der Stadt Köln ..."),
        )
        .link(
            "iq",
            "ORGANISED_BY",
            "jobcenter-koeln",
            (D1, 8, 2, "IQ wird vom Jobcenter Köln koordiniert."),
        )
        .link(
            "awo-koeln", "FUNDED_BY", "stadt-koeln", (D1, 9, 2, "Die Stadt Köln fördert die AWO.")
        )
        .mention(
            D1,
            "stadt-koeln",
            (3, 1, "Die Stadt Köln kooperiert ..."),
            (4, 1, "Köln ist Teil von IQ."),
            reported=True,
        )
        .mention(D1, "awo-koeln", (3, 1, "... AWO ..."))
        .mention(
            D2, "stadt-duesseldorf", (2, -1, "Düsseldorf tauscht sich mit Köln aus."), reported=True
        )
        .mention(D1, "iq", (4, 1, "Köln ist Teil von IQ."))
    )
    measure(g, "m1", "stadt-koeln", "Interkulturelle Schulung", "fortbildung", 2, 2021, D1, 10)
    measure(g, "m2", "stadt-koeln", "Anonymisierte Bewerbung", "personalgewinnung", 1, 2022, D1, 11)
    measure(g, "m3", "awo-koeln", "Sprachcafé", "teilhabe", 3, 2021, D1, 12)
    return measure(
        g, "m4", "stadt-duesseldorf", "Vielfaltsbericht", "kommunikation", 4, 2022, D2, 4
    )


@pytest.fixture()
def small(graph: Settings) -> Settings:
    """A clean graph holding :func:`small_graph`."""
    write_graph(small_graph(), graph)
    return graph


GQL = Callable[..., dict[str, Any]]


@pytest.fixture()
def gql(http: httpx.Client) -> GQL:
    """POST a query; returns the JSON body (``data``, ``errors``, ``extensions``)."""

    def run(query: str, key: str | None = None, **variables: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        resp = http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
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
    return configure(
        API_KEY_HASHES=f'["{hash_api_key(KEY)}"]', CORRECTIONS_FILE=str(tmp_path / "curation.yaml")
    )
