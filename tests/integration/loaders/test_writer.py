"""The writer against the real Neo4j: idempotent, transactional, evidence per place."""

from __future__ import annotations

import dataclasses

import pytest

from loaders.load.batch import to_batch
from loaders.load.writer import remove_document, write_batch
from loaders.models import Block, DocumentExtraction, Link, Measure, Organisation, Programme
from queries import db
from queries.errors import DatabaseError
from queries.fingerprint import fingerprint
from queries.settings import Settings

pytestmark = pytest.mark.integration


def _doc(
    name: str = "a.txt", sha: str = "h1", quote: str = "gemeinsam mit der Stadt B"
) -> DocumentExtraction:
    return DocumentExtraction(
        doc=name,
        path=f"/x/{name}",
        sha256=sha,
        blocks=(Block("Stadt A", 1, 1, 10),),
        organisations=(
            Organisation("stadt-a", "Stadt A", "Kommune", ("A",), mentions=(1, 3)),
            Organisation("stadt-b", "Stadt B", "Kommune", mentions=(3,)),
        ),
        programmes=(
            Programme(
                "iq",
                "Integration durch Qualifizierung (IQ)",
                "Foerderprogramm",
                ("IQ",),
                mentions=(5,),
            ),
        ),
        links=(
            Link("stadt-b", "stadt-a", "COOPERATES_WITH", 3, quote),
            Link("stadt-a", "iq", "PARTICIPATES_IN", 5, "IQ"),
        ),
        measures=(Measure("stadt-a", 1, "Mitarbeitendenbefragung", 7, "staff_survey", 2021),),
        text_lines=tuple(f"Zeile {i}" for i in range(1, 11)),
    )


def _snapshot(s: Settings) -> dict:
    return db.counts(s)


def test_second_load_changes_nothing(graph: Settings) -> None:
    write_batch(to_batch(_doc()), graph)
    counts = _snapshot(graph)
    assert counts["nodes"]["Organisation"] == 2
    assert counts["relationships"]["COOPERATES_WITH"] == 1
    first = fingerprint(graph)
    assert write_batch(to_batch(_doc()), graph).skipped
    assert fingerprint(graph) == first
    write_batch(to_batch(_doc()), graph, force=True)  # replaces its facts by the same facts
    assert fingerprint(graph) == first


def test_symmetric_link_is_stored_once_and_keeps_evidence_of_each_document(
    graph: Settings,
) -> None:
    write_batch(to_batch(_doc("a.txt")), graph)
    write_batch(to_batch(_doc("b.txt", quote="in Kooperation mit Stadt A")), graph)
    rows = db.read(
        "MATCH (:Organisation)-[r:COOPERATES_WITH]-(:Organisation) "
        "RETURN DISTINCT r.ev_docs AS docs, r.ev_quotes AS quotes",
        graph,
    )
    assert len(rows) == 1
    assert sorted(rows[0]["docs"]) == ["a.txt", "b.txt"]
    assert set(rows[0]["quotes"]) == {"gemeinsam mit der Stadt B", "in Kooperation mit Stadt A"}


def test_changed_document_replaces_its_old_facts(graph: Settings) -> None:
    write_batch(to_batch(_doc()), graph)
    changed = dataclasses.replace(_doc(sha="h2"), links=(), measures=())
    write_batch(to_batch(changed), graph)
    counts = _snapshot(graph)
    assert "COOPERATES_WITH" not in counts["relationships"]
    assert "Measure" not in counts["nodes"]
    assert counts["nodes"]["Organisation"] == 2  # still mentioned


def test_removed_document_leaves_no_orphans(graph: Settings) -> None:
    write_batch(to_batch(_doc()), graph)
    remove_document("a.txt", graph)  # what `vielfalt db remove a.txt` does
    assert _snapshot(graph)["nodes"] == {"Category": 6}


def test_failed_write_leaves_nothing_half_written(graph: Settings) -> None:
    batch = to_batch(_doc())
    batch.measures[0]["year"] = {"not": "a property value"}  # Neo4j rejects maps as values
    with pytest.raises(DatabaseError):
        write_batch(batch, graph)
    assert _snapshot(graph)["nodes"] == {"Category": 6}
