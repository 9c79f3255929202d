"""DataLoaders: one query per nested field per request level, never one per parent.

Each loader collects the keys asked for in one tick of the event loop and fetches one read
described by a batch function of ``queries`` (one ``UNWIND $ids`` statement). With
``batching=False`` every key becomes its own call: the naive resolver the benchmark compares
against.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from queries import read, read_links
from queries.db import Read
from queries.read_links import LinkQuery
from queries.records import (
    DocumentRow,
    Evidence,
    LinkRow,
    MeasureRow,
    OrganisationRow,
    ProgrammeRow,
)

__all__ = ["Loaders"]

K = TypeVar("K")
V = TypeVar("V")
Fetcher = Callable[[Read[Any]], Awaitable[Any]]


class Loaders:
    """The request's DataLoaders; ``fetch`` runs one described read (and counts it).

    Nothing here refers back to the request context: a context <-> loaders cycle would keep
    every row of a request alive until a full garbage collection.
    """

    def __init__(self, fetch: Fetcher, *, batching: bool = True) -> None:
        self.batching = batching
        b = batching
        self.organisation: DataLoader[str, OrganisationRow | None] = _one(
            fetch, read.organisations_by_ids, b
        )
        self.programme: DataLoader[str, ProgrammeRow | None] = _one(
            fetch, read.programmes_by_ids, b
        )
        self.document: DataLoader[str, DocumentRow | None] = _one(fetch, read.documents_by_ids, b)
        # every link field of a request level (partners, programmes, parent, ...) is one key
        # of this loader, so a level costs one round trip however many link fields it asks
        self.links: DataLoader[LinkQuery, list[LinkRow]] = _many(fetch, read_links.links_for, b)
        self.mentions: DataLoader[str, list[Evidence]] = _many(fetch, read_links.mentions_of, b)
        self.documents_of: DataLoader[str, list[DocumentRow]] = _many(
            fetch, read_links.documents_of, b
        )
        self.measures: DataLoader[tuple[str, int | None], list[MeasureRow]] = _many(
            fetch, read_links.measures_of, b
        )


def _loader(load_fn: Callable[[list[K]], Awaitable[list[V]]], batching: bool) -> DataLoader[K, V]:
    if batching:
        return DataLoader(load_fn=load_fn)
    return DataLoader(load_fn=load_fn, max_batch_size=1, cache=False)


def _one(
    fetch: Fetcher, fn: Callable[[list[Any]], Read[dict[Any, Any]]], batching: bool
) -> DataLoader[Any, Any]:
    """A loader of single rows by key (None for keys not in the graph)."""

    async def load(keys: Sequence[Any]) -> list[Any]:
        found = await fetch(fn(list(keys)))
        return [found.get(k) for k in keys]

    return _loader(load, batching)


def _many(
    fetch: Fetcher, fn: Callable[[list[Any]], Read[dict[Any, list[Any]]]], batching: bool
) -> DataLoader[Any, Any]:
    """A loader of lists by key (empty for keys without any)."""

    async def load(keys: Sequence[Any]) -> list[Any]:
        found = await fetch(fn(list(keys)))
        return [found.get(k, []) for k in keys]

    return _loader(load, batching)
