"""Combining many documents' rows: what writing them one after another would leave."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import loaders.load.bulk
from loaders.load.batch import GraphBatch
from loaders.load.bulk import combine


def _link(doc: str, line: int) -> dict:
    return {
        "source_label": "Organisation",
        "source_id": "a",
        "type": "COOPERATES_WITH",
        "target_label": "Organisation",
        "target_id": "b",
        "docs": [doc],
        "lines": [line],
        "pages": [-1],
        "quotes": [f"{doc} {line}"],
    }


def _org(type_: str, *aliases: str) -> dict:
    return {"id": "a", "name": "A", "type": type_, "aliases": list(aliases)}


def test_a_link_of_two_documents_is_one_row_with_both_evidences_in_order() -> None:
    one = GraphBatch({"id": "1"}, links=[_link("1", 3)])
    two = GraphBatch({"id": "2"}, links=[_link("2", 7)])
    rows = combine([one, two]).links
    assert len(rows) == 1
    assert (rows[0]["docs"], rows[0]["lines"]) == (["1", "2"], [3, 7])
    assert one.links[0]["docs"] == ["1"]  # the inputs are not changed


def test_entities_keep_the_first_name_refine_sonstige_and_collect_aliases() -> None:
    batches = [
        GraphBatch({"id": "1"}, organisations=[_org("Sonstige", "A1")]),
        GraphBatch({"id": "2"}, organisations=[_org("Verein", "A1", "A2")]),
        GraphBatch({"id": "3"}, organisations=[_org("Kommune", "A3")]),
    ]
    assert combine(batches).organisations == [
        {"id": "a", "name": "A", "type": "Verein", "aliases": ["A1", "A2", "A3"]}
    ]


def test_module_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    assert doctest.testmod(loaders.load.bulk).failed == 0
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[3] / "bench"))
    import synthetic  # the benchmarks' generator

    assert doctest.testmod(synthetic).failed == 0
