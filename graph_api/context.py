"""The typed per-request context: settings, the caller's rights, fresh DataLoaders.

DataLoaders are built per request so nothing is cached across callers. Every database call
goes through the context and is counted: :meth:`ApiContext.fetch` runs a described read
(:class:`queries.db.Read`, one statement) on the async driver in the event loop, and
:meth:`ApiContext.run` runs any other ``queries`` function (several statements, writes) in a
worker thread (:meth:`ApiContext.run_in_process`: in a worker process, for long analyses).
``round_trips`` is what the N+1 test and ``extensions.dbRoundTrips`` show.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

from fastapi import Request
from strawberry.fastapi import BaseContext

from queries.db import Read, fetch_async
from queries.read_batch import combinable, combined
from queries.settings import Settings, get_settings
from queries.view import active, within

from .analysis_processes import in_worker_process
from .auth import bearer_key, key_is_valid
from .dataloaders import Loaders

__all__ = ["ApiContext", "RequestDatabase", "context_getter"]

T = TypeVar("T")


class RequestDatabase:
    """One request's way to the database: its settings and a count of its round trips.

    Reads asked for in the same turn of the event loop (the DataLoaders of one request
    level: links, measures, documents, ...) travel together as one combined statement, so
    a level costs one round trip however many kinds of nested fields it selects
    (``combine=False``: one round trip per read, the benchmark's naive baseline).
    """

    def __init__(self, settings: Settings, *, combine: bool = True) -> None:
        self.settings = settings
        self.combine = combine
        self.round_trips = 0
        self._waiting: list[tuple[Read[Any], asyncio.Future[Any]]] = []
        self._sending: set[asyncio.Task[None]] = set()

    async def fetch(self, spec: Read[T]) -> T:
        """Run one described read, in the event loop, with the others of this turn."""
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[T] = loop.create_future()
        self._waiting.append((spec, answer))
        if len(self._waiting) == 1:
            loop.call_soon(self._send_waiting)
        return await answer

    def _send_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        together = [w for w in waiting if combinable(w[0])]
        groups = [[w] for w in waiting if not combinable(w[0])]
        if self.combine and len(together) > 1:
            groups.append(together)
        else:
            groups.extend([w] for w in together)
        for group in groups:
            task = asyncio.ensure_future(self._send(group))
            self._sending.add(task)
            task.add_done_callback(self._sending.discard)

    async def _send(self, group: list[tuple[Read[Any], asyncio.Future[Any]]]) -> None:
        self.round_trips += 1
        try:
            if len(group) == 1:
                answers = [await fetch_async(group[0][0], self.settings)]
            else:
                answers = await fetch_async(combined([s for s, _ in group]), self.settings)
        except asyncio.CancelledError:
            for _, future in group:
                future.cancel()
            raise
        except Exception as exc:  # the askers get the error, whatever it is
            for _, future in group:
                if not future.done():
                    future.set_exception(exc)
            return
        for (_, future), answer in zip(group, answers, strict=True):
            if not future.done():
                future.set_result(answer)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call a ``queries`` function with the request's settings, off the event loop."""
        self.round_trips += 1
        call = functools.partial(fn, *args, settings=self.settings, **kwargs)
        return await asyncio.to_thread(call)


class ApiContext(BaseContext):
    def __init__(self, settings: Settings, *, authorized: bool, batching: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.authorized = authorized
        self.db = RequestDatabase(settings, combine=batching)
        self.loaders = Loaders(self.db.fetch, batching=batching)
        # lists already turned into GraphQL objects, by loader key: a list reached from many
        # parents (an organisation's measures under each of its measures) is built once
        self.shaped: dict[tuple[Any, ...], list[Any]] = {}
        # the evidence attributes each link field selects, by its syntax nodes (types.links)
        self.evidence_columns: dict[tuple[int, ...], tuple[str, ...] | None] = {}
        # set from the app's loop when nobody waits for the answer any more (wall-clock
        # budget): execution then stops resolving fields (limits.items, execution_threads)
        self.abandoned = False
        # set when a write field is allowed to run: such a request is not made again when a
        # document changed under it (queries.view)
        self.wrote = False

    def start_attempt(self) -> None:
        """Fresh DataLoaders and shaped lists for (another) execution of the request: what
        an attempt read in an older view of the documents is not used again."""
        self.loaders = Loaders(self.db.fetch, batching=self.db.combine)
        self.shaped.clear()

    def close(self) -> None:
        """Drop the loaders and the rows they hold: the request is answered.

        graphql-core's execution context is a reference cycle that holds this context, so
        without this a request's rows live until the next full garbage collection.
        """
        del self.loaders
        self.shaped.clear()
        self.evidence_columns.clear()

    @property
    def round_trips(self) -> int:
        return self.db.round_trips

    async def fetch(self, spec: Read[T]) -> T:
        """Run one described read with this request's settings, in the event loop."""
        return await self.db.fetch(spec)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call a ``queries`` function with this request's settings, off the event loop."""
        return await self.db.run(fn, *args, **kwargs)

    async def run_in_process(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Like :meth:`run`, in a worker process: for analyses that compute for a second
        (see :mod:`graph_api.analysis_processes`)."""
        self.db.round_trips += 1
        return await in_worker_process(
            within,
            active(),  # the request's view of the documents, into the worker
            fn,
            *args,
            workers=self.settings.graphql_analysis_slots,
            settings=self.settings,
            **kwargs,
        )


def context_getter(batching: bool = True) -> Callable[[Request], Any]:
    """The FastAPI dependency that builds a fresh context per request."""

    async def get_context(request: Request) -> AsyncIterator[ApiContext]:
        settings = get_settings()
        authorized = key_is_valid(bearer_key(request), settings)
        ctx = ApiContext(settings, authorized=authorized, batching=batching)
        yield ctx
        ctx.close()

    return get_context
