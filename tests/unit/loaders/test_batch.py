"""Batch rows from an extraction: ids, direction of symmetric links, evidence lists."""

from __future__ import annotations

from dataclasses import replace

from loaders.load.batch import to_batch
from loaders.models import Block, DocumentExtraction, Link, Measure, Organisation


def _x() -> DocumentExtraction:
    return DocumentExtraction(
        doc="d.txt",
        path="/d.txt",
        sha256="h",
        blocks=(Block("Verein Z e. V.", 2, 1, 4),),
        organisations=(
            Organisation("b", "B", "Kommune", mentions=(2, 2, 1)),
            Organisation("a", "A", "Kommune", ("AA",), mentions=(3,)),
        ),
        links=(
            Link("b", "a", "COOPERATES_WITH", 2, "mit A"),
            Link("a", "b", "COOPERATES_WITH", 3, "mit B"),
            Link("a", "unbekannt", "PART_OF", 3, "x"),
            Link("a", "b", "NOT_A_TYPE", 3, "x"),
        ),
        measures=(Measure("verein-z-ev", 2, "Schulung", 4, "training", 2022),),
    )


def test_symmetric_links_merge_into_one_row_with_all_evidence() -> None:
    batch = to_batch(replace(_x(), text_lines=("eins", "zwei", "drei", "vier")))
    assert len(batch.links) == 1  # unknown target and unknown type are dropped
    row = batch.links[0]
    assert (row["source_id"], row["target_id"]) == ("a", "b")
    assert row["lines"] == [2, 3] and row["quotes"] == ["mit A", "mit B"]
    assert row["pages"] == [-1, -1]


def test_partner_of_a_block_becomes_an_organisation_with_its_measure() -> None:
    batch = to_batch(_x())
    ids = {o["id"] for o in batch.organisations}
    assert "verein-z-ev" in ids
    assert batch.blocks == [
        {"doc": "d.txt", "org_id": "verein-z-ev", "categories": [2], "starts": [1], "ends": [4]}
    ]
    assert [m["org_id"] for m in batch.measures] == ["verein-z-ev"]


def test_mentions_are_deduplicated_and_quoted() -> None:
    batch = to_batch(replace(_x(), text_lines=("eins", "zwei", "drei")))
    b = next(r for r in batch.org_mentions if r["id"] == "b")
    assert b["lines"] == [1, 2] and b["quotes"] == ["eins", "zwei"]
