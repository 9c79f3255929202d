"""A document becomes visible to readers only when all of it is committed.

The writer hides a document (negative ``Document.revision``) while its facts are written,
replaced or removed, and shows it with a single property write afterwards
(:mod:`loaders.writer`). These tests stop the protocol half-way, as a crash would, and read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import writer
from loaders.pipeline import load_paths
from queries import db
from queries.errors import NotFound
from queries.read import MeasureFilter, filtered_page
from queries.settings import Settings
from tests.generated import MEASURES_PER_REPORT, write_reports

pytestmark = pytest.mark.integration


def _measures_per_document(s: Settings) -> dict[str, int]:
    page = db.fetch(filtered_page(MeasureFilter(), first=100), s)
    per_doc: dict[str, int] = {}
    for row in page.rows:
        assert row.evidence is not None
        doc = row.evidence.doc
        per_doc[doc] = per_doc.get(doc, 0) + 1
    assert page.total == len(page.rows)
    return per_doc


def _revisions(s: Settings) -> dict[str, int]:
    rows = db.read("MATCH (d:Document) RETURN d.id AS id, d.revision AS r", s)
    return {r["id"]: r["r"] for r in rows}


def test_a_hidden_document_is_left_out_until_it_is_published(
    graph: Settings, tmp_path: Path
) -> None:
    a, b = write_reports(tmp_path, 2)
    assert load_paths([tmp_path]).ok
    assert _revisions(graph) == {a: 1, b: 1}
    assert _measures_per_document(graph) == {a: MEASURES_PER_REPORT, b: MEASURES_PER_REPORT}

    writer.hide(a, graph)  # as a reload or a removal does before it changes anything
    assert _revisions(graph) == {a: -2, b: 1}
    assert _measures_per_document(graph) == {b: MEASURES_PER_REPORT}
    writer.publish([a], graph)
    assert _revisions(graph) == {a: 2, b: 1}
    assert _measures_per_document(graph) == {a: MEASURES_PER_REPORT, b: MEASURES_PER_REPORT}


def test_a_write_interrupted_before_publishing_is_done_again(
    graph: Settings, tmp_path: Path
) -> None:
    (a,) = write_reports(tmp_path, 1)
    assert load_paths([tmp_path]).ok
    writer.hide(a, graph)  # the facts were written, the process died before publishing
    assert writer.stored_hash(a, graph) is None  # so the next load does not skip it

    again = load_paths([tmp_path])
    assert again.ok and [r.doc for r in again.loaded] == [a] and not again.skipped
    assert _revisions(graph) == {a: 3}
    assert _measures_per_document(graph) == {a: MEASURES_PER_REPORT}


def test_remove_hides_first_and_an_unknown_document_changes_nothing(
    graph: Settings, tmp_path: Path
) -> None:
    a, b = write_reports(tmp_path, 2)
    assert load_paths([tmp_path]).ok
    writer.remove_document(a, graph)
    assert _revisions(graph) == {b: 1}
    assert _measures_per_document(graph) == {b: MEASURES_PER_REPORT}
    with pytest.raises(NotFound):
        writer.remove_document(a, graph)
    assert _revisions(graph) == {b: 1}
