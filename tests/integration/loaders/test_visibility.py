"""A document becomes visible to readers only when all of it is committed.

The writer hides a document (negative ``Document.revision``) while its facts are written,
replaced or removed, and shows it with a single property write afterwards
(:mod:`loaders.load.writer`). These tests stop the protocol half-way, as a crash would, and read.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from loaders.load import writer
from loaders.load.pipeline import load_paths
from queries import db
from queries.curation_writes import add_link
from queries.errors import NotFound
from queries.network import key_figures
from queries.read import MeasureFilter, filtered_page
from queries.read_batch import combined
from queries.read_links import LinkQuery, links_for, measures_of
from queries.records import KeyFigures
from queries.settings import Settings
from tests.generated import MEASURES_PER_REPORT, report, write_reports

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


def test_link_reads_leave_out_the_evidence_of_hidden_documents(
    graph: Settings, tmp_path: Path
) -> None:
    """Two reports on the same town: the same links, with one evidence entry from each."""
    (tmp_path / "a.md").write_text(report("Berau", 2021), encoding="utf-8")
    (tmp_path / "b.md").write_text(report("Berau", 2019), encoding="utf-8")
    assert load_paths([tmp_path]).ok
    town = "stadt-berau"
    key = LinkQuery(town, other_label="Organisation")

    def seen() -> tuple[dict[str, list[str]], Counter[str]]:
        links, measures = db.fetch(combined([links_for([key]), measures_of([(town, None)])]), graph)
        assert links == db.fetch(links_for([key]), graph)  # alone as combined
        partners = {x.other.id: sorted(e.doc for e in x.evidence) for x in links.get(key, [])}
        docs = Counter(m.evidence.doc for m in measures.get((town, None), []) if m.evidence)
        return partners, docs

    partners, docs = seen()
    assert partners and all(d == ["a.md", "b.md"] for d in partners.values())
    assert docs == {"a.md": MEASURES_PER_REPORT, "b.md": MEASURES_PER_REPORT}
    writer.hide("a.md", graph)  # as a reload or a removal does first
    assert seen() == ({o: ["b.md"] for o in partners}, Counter({"b.md": MEASURES_PER_REPORT}))
    writer.hide("b.md", graph)
    assert seen() == ({}, Counter())  # links with evidence of hidden documents only: left out
    writer.publish(["a.md", "b.md"], graph)
    assert seen() == (partners, docs)


def test_entities_a_coordinator_links_stay_without_documents_while_others_are_hidden(
    graph: Settings, tmp_path: Path
) -> None:
    """An entity no document names is shown while something links it (a coordinator's
    link keeps it after its document went); the reads tell it from an orphan being deleted
    by the links it has."""
    a, b = write_reports(tmp_path, 2)
    assert load_paths([tmp_path]).ok
    town_a = next(r["id"] for r in db.read(_TOWN_OF, graph, doc=a))
    add_link(town_a, "caritas", "COOPERATES_WITH", quote="laut Koordination", settings=graph)
    writer.remove_document(a, graph)  # the town of a stays: the coordinator's link holds it
    writer.hide(b, graph)  # b alone names the hub now: left out with b; the town of a stays
    assert key_figures(graph) == KeyFigures(1, 0, 0, 1)
    writer.publish([b], graph)
    assert key_figures(graph) == KeyFigures(4, 0, MEASURES_PER_REPORT, 3)


_TOWN_OF = (
    "MATCH (:Document {id: $doc})-[:MENTIONS]->(o:Organisation) WHERE o.id STARTS WITH 'stadt-' "
    "RETURN o.id AS id"
)
