"""A load and API reads at the same time: no answer shows half a document.

Neo4j reads at read-committed isolation, so one transaction per document is not enough: a
read statement can see part of a commit. The writer hides a document while it writes it
and shows it with one property write afterwards; the measures read skips hidden documents
and reads again when a document it used changed meanwhile (docs/reliability.md, "Faults").
So a read sees a document's three measures or none of them, however the two interleave.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from loaders.pipeline import LoadReport, load_paths
from queries.settings import Settings
from tests.conftest import LiveServer
from tests.generated import MEASURES_PER_REPORT, write_reports

pytestmark = pytest.mark.integration

QUERY = "{ measures(first: 100) { totalCount edges { node { evidence { docId } } } } }"


def test_reads_during_a_load_never_see_half_a_document(
    graph: Settings, live_app: LiveServer, tmp_path: Path
) -> None:
    names = write_reports(tmp_path / "berichte", 30)
    done: list[LoadReport] = []
    loader = threading.Thread(target=lambda: done.append(load_paths([tmp_path / "berichte"])))
    answers: list[dict[str, Any]] = []
    with httpx.Client(base_url=live_app.url, timeout=60) as client:
        loader.start()
        while loader.is_alive():
            answers.append(client.post("/graphql", json={"query": QUERY}).json())
        loader.join()
        answers.append(client.post("/graphql", json={"query": QUERY}).json())
    assert done and done[0].ok and len(done[0].loaded) == len(names)

    partial = 0
    for answer in answers:
        assert "errors" not in answer, answer
        edges = answer["data"]["measures"]["edges"]
        per_doc = Counter(e["node"]["evidence"]["docId"] for e in edges)
        assert set(per_doc.values()) <= {MEASURES_PER_REPORT}, per_doc  # whole documents
        assert answer["data"]["measures"]["totalCount"] == len(edges)
        partial += 0 < len(per_doc) < len(names)
    assert partial >= 3, f"only {partial} of {len(answers)} reads fell into the load"
    assert len(Counter(e["node"]["evidence"]["docId"] for e in edges)) == len(names)
