"""Many documents per transaction: the writer's own statements over the rows of many reports.

Why: :func:`loaders.load.writer.write_batch` replaces one document's facts, and to do that it
scans the whole graph twice per document (links carrying the document's evidence, then
entities nothing supports any more). At a million links that is seconds per document,
and a transaction per document costs a round trip per statement. A document the graph has
never seen has nothing to replace: the documents of a load that are new are written
together, ``links_per_transaction`` links at a time, with the same ``MERGE`` statements
(:func:`loaders.load.writer.write_rows`), and the orphan check looks only at the entities they
named. Documents already in the graph with another content hash, and the coordinators'
curation document, still go through ``write_batch`` one by one; unchanged ones are skipped
after one hash read per transaction's worth of documents.

The result is the graph that ``write_batch`` per document would leave (a test compares
them), idempotent in the same way: a second load writes nothing.

    write_batches(batches, settings)            # what `vielfalt load` does
    write_batches(batches, settings, workers=2) # transactions in parallel threads

A new document must not yet have evidence in the graph under its name: the only way to
put it there is an API ``addLink`` naming a document that was never loaded (its entry would
then stay beside the document's own).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from queries import db
from queries.corrections import CURATION_DOC
from queries.errors import DatabaseError, DatabaseUnavailable
from queries.settings import Settings, get_settings
from queries.statements import statement

from .batch import GraphBatch
from .writer import (
    WriteResult,
    announce,
    check_vocabulary,
    count_change,
    forget_unwritten,
    publish,
    write_batch,
    write_rows,
)

__all__ = ["combine", "write_batches", "LINKS_PER_TRANSACTION"]

log = logging.getLogger(__name__)

LINKS_PER_TRANSACTION = 20_000
"""Chosen by measurement (BENCHMARKS.md, bench/load_bench.py)."""

_HASHES = statement("document_hashes")
_DELETE_ORPHANS_AMONG = statement("delete_orphans_among")
_RETRIES = 5
Row = dict[str, Any]
Progress = Callable[[WriteResult], None]


def _merge_entity(rows: dict[str, Row], row: Row, kind_key: str) -> None:
    """What the MERGE statement does to a node when a second document names it again:
    the first name stays, a 'Sonstige' type gives way, aliases are added once each."""
    old = rows.get(row["id"])
    if old is None:
        rows[row["id"]] = {**row, "aliases": list(row["aliases"])}
        return
    if old[kind_key] == "Sonstige":
        old[kind_key] = row[kind_key]
    old["aliases"] += [a for a in row["aliases"] if a not in old["aliases"]]


def combine(batches: list[GraphBatch]) -> GraphBatch:
    """One batch holding the rows of several documents, in their order.

    An entity or link that several documents name becomes one row, as writing the
    documents one after another would leave it (evidence lists concatenated in order).

    >>> a = GraphBatch({"id": "a"}, organisations=[{"id": "x", "name": "X", "type":
    ...     "Sonstige", "aliases": []}])
    >>> b = GraphBatch({"id": "b"}, organisations=[{"id": "x", "name": "X", "type":
    ...     "Verein", "aliases": ["X e.V."]}])
    >>> combine([a, b]).organisations
    [{'id': 'x', 'name': 'X', 'type': 'Verein', 'aliases': ['X e.V.']}]
    """
    orgs: dict[str, Row] = {}
    progs: dict[str, Row] = {}
    links: dict[tuple[str, ...], Row] = {}
    out = GraphBatch(document={})
    for b in batches:
        for row in b.organisations:
            _merge_entity(orgs, row, "type")
        for row in b.programmes:
            _merge_entity(progs, row, "kind")
        out.org_mentions.extend(b.org_mentions)
        out.programme_mentions.extend(b.programme_mentions)
        out.blocks.extend(b.blocks)
        out.measures.extend(b.measures)
        for row in b.links:
            row = {**row, "years": row.get("years", [-1] * len(row["docs"]))}
            key = tuple(
                row[k] for k in ("source_label", "source_id", "type", "target_label", "target_id")
            )
            old = links.get(key)
            if old is None:
                links[key] = {
                    **row,
                    **{k: list(row[k]) for k in ("docs", "lines", "pages", "quotes", "years")},
                }
            else:
                for k in ("docs", "lines", "pages", "quotes", "years"):
                    old[k] += row[k]
    out.organisations.extend(orgs.values())
    out.programmes.extend(progs.values())
    out.links.extend(links.values())
    return out


def _groups(
    batches: Iterable[GraphBatch], links_per_transaction: int
) -> Iterator[list[GraphBatch]]:
    group: list[GraphBatch] = []
    size = 0
    for b in batches:
        group.append(b)
        size += len(b.links) + 1
        if size >= links_per_transaction:
            yield group
            group, size = [], 0
    if group:
        yield group


def _result(b: GraphBatch) -> WriteResult:
    return WriteResult(
        b.document["id"],
        skipped=False,
        organisations=len(b.organisations),
        programmes=len(b.programmes),
        measures=len(b.measures),
        links=len(b.links),
    )


def _write_new(group: list[GraphBatch], settings: Settings) -> list[WriteResult]:
    """Documents new to the graph, in one transaction (retried on a deadlock with another)."""
    rows = combine(group)
    org_ids = [r["id"] for r in rows.organisations]
    programme_ids = [r["id"] for r in rows.programmes]

    def work(tx: neo4j.ManagedTransaction) -> None:
        write_rows(tx, [b.document for b in group], rows)
        tx.run(_DELETE_ORPHANS_AMONG, org_ids=org_ids, programme_ids=programme_ids).consume()
        count_change(tx)

    created = announce([b.document["id"] for b in group], settings)  # hidden before any fact
    for attempt in range(_RETRIES):
        try:
            db.execute(work, settings)
            break
        except DatabaseError as exc:
            if attempt + 1 == _RETRIES or not isinstance(
                exc.__cause__, neo4j_errors.TransientError
            ):
                if not isinstance(exc, DatabaseUnavailable):  # refused: take it back
                    forget_unwritten(created, settings)
                raise
            time.sleep(0.2 * 2**attempt)
    publish([b.document["id"] for b in group], settings)
    log.info("%d new documents loaded: %d links", len(group), len(rows.links))
    return [_result(b) for b in group]


def write_batches(
    batches: Iterable[GraphBatch],
    settings: Settings | None = None,
    *,
    force: bool = False,
    links_per_transaction: int = LINKS_PER_TRANSACTION,
    workers: int = 1,
    progress: Progress | None = None,
) -> list[WriteResult]:
    """Write every document's batch; the same graph as ``write_batch`` on each in order.

    ``batches`` is consumed lazily. ``workers`` > 1 writes that many transactions at once
    (entity names and types then follow the order in which transactions commit where
    documents disagree). A failing transaction of new documents raises; callers that want
    to isolate the bad document write that group's batches with ``write_batch``.
    """
    s = settings or get_settings()
    results: dict[str, WriteResult] = {}
    seen: set[str] = set()
    pending: list[Future[list[WriteResult]]] = []

    def done(rs: list[WriteResult]) -> None:
        for r in rs:
            results[r.doc] = r
            if progress:
                progress(r)

    def drain(limit: int) -> None:
        while len(pending) > limit:
            done(pending.pop(0).result())

    order: list[str] = []
    new: list[GraphBatch] = []  # new documents waiting for their transaction

    def submit() -> None:
        if new:
            pending.append(pool.submit(_write_new, list(new), s))
            new.clear()
            drain(max(workers, 1) - 1)

    with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
        for group in _groups(batches, links_per_transaction):
            for b in group:
                check_vocabulary(b)
            ids = [b.document["id"] for b in group]
            order += ids
            stored = {r["id"]: r["sha256"] for r in db.read(_HASHES, s, ids=ids)}
            for b in group:
                doc = b.document["id"]
                if doc not in stored and doc != CURATION_DOC and doc not in seen:
                    new.append(b)
                elif not force and stored.get(doc) == b.document["sha256"]:
                    done([WriteResult(doc, skipped=True)])
                else:  # replaced in place, after every write before it
                    submit()
                    drain(0)
                    done([write_batch(b, s, force=force)])
                seen.add(doc)
            submit()
        drain(0)
    return [results[d] for d in dict.fromkeys(order)]
