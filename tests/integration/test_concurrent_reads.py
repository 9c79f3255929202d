"""A load and API reads at the same time: no answer shows half a document.

Neo4j reads at read-committed isolation, so one transaction per document is not enough: a
read statement can see part of a commit. The writer hides a document while it writes it
and shows it with one property write afterwards; every read of a request leaves out the
documents hidden when the request began, and the request is made again when a document
was hidden or a change counted meanwhile (docs/reliability.md, "Whole documents during a
load"; :mod:`queries.view`). So a read sees a document's three measures or none of them,
and all of its partners' evidence or none, however the two interleave; the same while
documents are removed. tests/integration/test_consistent_views.py checks the other reads
(lists, search, statistics, networks, paths) and two request levels.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from loaders.load import writer
from loaders.load.pipeline import LoadReport, load_paths
from queries.settings import Settings
from tests.conftest import LiveServer
from tests.generated import MEASURES_PER_REPORT, write_reports

pytestmark = pytest.mark.integration

QUERY = "{ measures(first: 100) { totalCount edges { node { evidence { docId } } } } }"
# one request level of links and measures: one combined statement
PARTNERS = """{ organisations(first: 100) { pageInfo { hasNextPage } edges { node { id
  partners(first: 50) { organisation { id } evidence { docId } }
  measures { evidence { docId } } } } } }"""


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


Evidence = dict[str, Counter[str]]  # organisation id -> partner evidence and measures per doc


def _evidence(answer: dict[str, Any]) -> Evidence:
    """Each listed organisation's partner evidence and measures, counted per document."""
    assert "errors" not in answer, answer
    page = answer["data"]["organisations"]
    assert not page["pageInfo"]["hasNextPage"]
    found = {}
    for edge in page["edges"]:
        node = edge["node"]
        count = Counter(ev["docId"] for p in node["partners"] for ev in p["evidence"])
        count.update(m["evidence"]["docId"] for m in node["measures"])
        found[node["id"]] = count
    return found


def _read(client: httpx.Client) -> Evidence:
    return _evidence(client.post("/graphql", json={"query": PARTNERS}).json())


def _reads_while(url: str, work: Callable[[], object]) -> tuple[list[Evidence], Evidence]:
    """The partner evidence of every organisation, read in a loop while ``work`` runs, and
    once more afterwards."""
    thread = threading.Thread(target=work)
    answers = []
    with httpx.Client(base_url=url, timeout=60) as client:
        thread.start()
        while thread.is_alive():
            answers.append(_read(client))
        thread.join()
        return answers, _read(client)


def _whole_or_none(answer: Evidence, full: Evidence, docs: list[str]) -> int:
    """Every document shows all of the partners and measures it gives the listed
    organisations (as in ``full``, the graph with it loaded) or none of them; returns how
    many show all."""
    shown = 0
    for doc in docs:
        expected = {o: n[doc] for o, n in full.items() if o in answer and n[doc]}
        got = {o: n[doc] for o, n in answer.items() if n[doc]}
        assert got in ({}, expected), (doc, got, expected)
        shown += bool(got)
    return shown


def test_partners_and_measures_during_a_load_and_removals_show_whole_documents(
    graph: Settings, live_app: LiveServer, tmp_path: Path
) -> None:
    names = write_reports(tmp_path / "berichte", 45)  # 91 organisations
    done: list[LoadReport] = []

    def load() -> None:  # five loads of nine: the bulk path shows a group at once, and a
        for i in range(0, len(names), 9):  # request made again completes between two loads
            done.append(load_paths([tmp_path / "berichte" / n for n in names[i : i + 9]]))
            time.sleep(0.5)

    during_load, full = _reads_while(live_app.url, load)
    assert all(d.ok for d in done) and sum(len(d.loaded) for d in done) == len(names)
    assert _whole_or_none(full, full, names) == len(names)
    assert all(sum(n[d] for n in full.values()) >= 3 + 2 for d in names)  # measures, links
    partial = 0
    for answer in during_load:
        partial += 0 < _whole_or_none(answer, full, names) < len(names)
    assert partial >= 3, f"only {partial} of {len(during_load)} reads fell into the load"

    removed = names[:10]  # what `vielfalt db remove` does, one document after the other

    def remove() -> None:
        for doc in removed:
            writer.remove_document(doc, graph)
            # a request that saw a document change is made again: without a pause a request
            # only completes after the last removal
            time.sleep(0.3)

    during_removal, after = _reads_while(live_app.url, remove)
    assert _whole_or_none(after, full, names) == len(names) - len(removed)
    partial = 0
    for answer in during_removal:
        assert _whole_or_none(answer, full, names[10:]) == len(names) - len(removed)
        partial += 0 < _whole_or_none(answer, full, removed) < len(removed)
    assert partial >= 3, f"only {partial} of {len(during_removal)} reads fell into the removals"
