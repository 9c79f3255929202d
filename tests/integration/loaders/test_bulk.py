"""The bulk writer against the real Neo4j: the same graph as one document at a time."""

from __future__ import annotations

from dataclasses import replace

import pytest

from loaders.extract import extract_paths
from loaders.load.batch import to_batch
from loaders.load.bulk import write_batches
from loaders.load.writer import write_batch
from loaders.models import DocumentExtraction
from queries import db
from queries.fingerprint import fingerprint
from queries.settings import Settings
from tests.conftest import CORPUS
from tests.instance import mark

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def corpus() -> list[DocumentExtraction]:
    return extract_paths([CORPUS])


def test_bulk_load_equals_loading_each_document(
    graph: Settings, corpus: list[DocumentExtraction]
) -> None:
    for x in corpus:
        write_batch(to_batch(x), graph)
    one_by_one = fingerprint(graph)
    db.clear_database(graph)
    db.apply_schema(graph)
    mark(graph)  # the suite's marker, as the ``graph`` fixture leaves it
    results = write_batches((to_batch(x) for x in corpus), graph, links_per_transaction=300)
    assert [r.doc for r in results] == [x.doc for x in corpus]
    assert not any(r.skipped for r in results)
    assert fingerprint(graph) == one_by_one
    assert sum(r.links for r in results) > 0


def test_second_bulk_load_writes_nothing(graph: Settings, corpus: list[DocumentExtraction]) -> None:
    write_batches((to_batch(x) for x in corpus), graph, workers=2, links_per_transaction=300)
    first = fingerprint(graph)
    again = write_batches((to_batch(x) for x in corpus), graph, workers=2)
    assert all(r.skipped for r in again)
    assert fingerprint(graph) == first


def test_a_changed_document_is_replaced_like_write_batch(
    graph: Settings, corpus: list[DocumentExtraction]
) -> None:
    changed = replace(corpus[0], sha256="anders", links=corpus[0].links[1:])
    for x in corpus:
        write_batch(to_batch(x), graph)
    write_batch(to_batch(changed), graph)
    expected = fingerprint(graph)
    db.clear_database(graph)
    db.apply_schema(graph)
    mark(graph)
    write_batches((to_batch(x) for x in corpus), graph)
    results = write_batches([to_batch(changed), *(to_batch(x) for x in corpus[1:])], graph)
    assert [r.skipped for r in results] == [False] + [True] * (len(corpus) - 1)
    assert fingerprint(graph) == expected
