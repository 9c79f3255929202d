"""The graph's fingerprint: equal for the same facts loaded twice, different for any other
fact even when every count stays the same."""

from __future__ import annotations

import pytest

from loaders.load.bulk import write_batches
from queries import db
from queries.fingerprint import VOLATILE, fingerprint
from queries.read import documents_by_ids
from queries.settings import Settings
from tests.graphs import SampleGraph, write_graph

pytestmark = pytest.mark.integration


def _graph(quote: str) -> SampleGraph:
    return (
        SampleGraph()
        .document("a.txt", "Bericht A")
        .organisation("stadt-a", "Stadt A", "Kommune", "A-Stadt")
        .organisation("verein-b", "Verein B", "Verein")
        .link("stadt-a", "COOPERATES_WITH", "verein-b", ("a.txt", 3, -1, quote))
    )


def _loaded_at(settings: Settings) -> str | None:
    return db.fetch(documents_by_ids(["a.txt"]), settings)["a.txt"].loaded_at


def test_a_forced_reload_keeps_the_fingerprint_but_not_the_load_time(graph: Settings) -> None:
    write_graph(_graph("Stadt A und Verein B."), graph)
    first = fingerprint(graph)
    assert any("Stadt A" in line for line in first.nodes)
    assert any("COOPERATES_WITH" in line for line in first.relationships)
    when = _loaded_at(graph)
    write_batches(_graph("Stadt A und Verein B.").batches(), graph, force=True)
    assert _loaded_at(graph) != when
    assert fingerprint(graph) == first and fingerprint(graph).digest == first.digest
    assert "loaded_at" in VOLATILE["Document"]


def test_a_changed_quote_changes_the_fingerprint_not_the_counts(graph: Settings) -> None:
    write_graph(_graph("Stadt A und Verein B."), graph)
    counts, first = db.counts(graph), fingerprint(graph)
    write_graph(_graph("Stadt A mit Verein B."), graph)  # same document, other content
    assert db.counts(graph) == counts
    assert fingerprint(graph) != first and fingerprint(graph).digest != first.digest
