"""Loading the real corpus: idempotent, evidence on every fact, bad files reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loaders.load.pipeline import load_paths
from queries import db
from queries.fingerprint import fingerprint
from queries.schema import LINK_TYPES
from queries.settings import Settings
from tests.conftest import CORPUS

pytestmark = pytest.mark.integration


def test_loading_the_corpus_twice_changes_nothing(graph: Settings) -> None:
    first = load_paths([CORPUS], graph)
    assert first.ok and len(first.loaded) == len(list(CORPUS.glob("*.txt")))
    before = fingerprint(graph)
    again = load_paths([CORPUS], graph)
    assert again.loaded == [] and len(again.skipped) == len(first.loaded)
    assert fingerprint(graph) == before
    forced = load_paths([CORPUS], graph, force=True)
    assert len(forced.loaded) == len(first.loaded)
    assert fingerprint(graph) == before


def test_every_link_and_measure_carries_evidence(corpus_graph: Settings) -> None:
    rows = db.read(
        "MATCH ()-[r]->() WHERE type(r) IN $types "
        "RETURN size(r.ev_docs) AS n, size(r.ev_lines) AS l, size(r.ev_quotes) AS q, "
        "all(x IN r.ev_quotes WHERE size(trim(x)) > 0) AS quoted",
        corpus_graph,
        types=[str(t) for t in LINK_TYPES],
    )
    assert rows
    assert all(r["n"] >= 1 and r["n"] == r["l"] == r["q"] and r["quoted"] for r in rows)
    measures = db.read("MATCH (m:Measure) RETURN m.doc AS doc, m.line AS line", corpus_graph)
    assert measures and all(m["doc"] and m["line"] >= 1 for m in measures)


def test_bad_files_are_reported_and_the_others_still_load(graph: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(CORPUS / sorted(p.name for p in CORPUS.glob("*.txt"))[0], folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    report = load_paths([folder], graph)
    failed = {Path(f).name for f, _ in report.failed}
    assert failed == {"empty.txt", "binary.txt", "broken.pdf"}
    assert all(Path(f).name in problem for f, problem in report.failed)
    assert [r.doc for r in report.loaded] == ["good.txt"]
    docs = db.read("MATCH (d:Document) RETURN d.id AS id", graph)
    assert docs == [{"id": "good.txt"}]
