"""DataLoaders: one query per nested field per request level, never one per parent.

Each loader collects the keys asked for in one tick of the event loop and makes one call to
a batch function of ``queries`` (one ``UNWIND $ids`` statement). With ``batching=False`` every
key becomes its own call: the naive resolver the benchmark compares against.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from queries import read, read_links
from queries.read_links import LinkQuery
from queries.read_records import (
    DocumentRow,
    EvidenceRow,
    LinkRow,
    MeasureRow,
    OrganisationRow,
    ProgrammeRow,
)

__all__ = ["Loaders"]

K = TypeVar("K")
V = TypeVar("V")
Runner = Callable[..., Awaitable[Any]]


class Loaders:
    def __init__(self, run: Runner, *, batching: bool = True) -> None:
        self._run = run
        self._batching = batching
        self.organisation: DataLoader[str, OrganisationRow | None] = self._one(
            read.organisations_by_ids
        )
        self.programme: DataLoader[str, ProgrammeRow | None] = self._one(read.programmes_by_ids)
        self.document: DataLoader[str, DocumentRow | None] = self._one(read.documents_by_ids)
        # every link field of a request level (partners, programmes, parent, ...) is one key
        # of this loader, so a level costs one round trip however many link fields it asks
        self.links: DataLoader[LinkQuery, list[LinkRow]] = self._many(read_links.links_for)
        self.mentions: DataLoader[str, list[EvidenceRow]] = self._many(read_links.mentions_of)
        self.documents_of: DataLoader[str, list[DocumentRow]] = self._many(read_links.documents_of)
        self.measures: DataLoader[tuple[str, int | None], list[MeasureRow]] = self._many(
            read_links.measures_of
        )

    def _loader(self, load_fn: Callable[[list[K]], Awaitable[list[V]]]) -> DataLoader[K, V]:
        if self._batching:
            return DataLoader(load_fn=load_fn)
        return DataLoader(load_fn=load_fn, max_batch_size=1, cache=False)

    def _one(self, fn: Callable[..., dict[Any, Any]]) -> DataLoader[Any, Any]:
        """A loader of single rows by key (None for keys not in the graph)."""

        async def load(keys: Sequence[Any]) -> list[Any]:
            found = await self._run(fn, list(keys))
            return [found.get(k) for k in keys]

        return self._loader(load)

    def _many(self, fn: Callable[..., dict[Any, list[Any]]]) -> DataLoader[Any, Any]:
        """A loader of lists by key (empty for keys without any)."""

        async def load(keys: Sequence[Any]) -> list[Any]:
            found = await self._run(fn, list(keys))
            return [found.get(k, []) for k in keys]

        return self._loader(load)
