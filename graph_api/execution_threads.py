"""GraphQL requests run on event loops of their own threads, so /health never waits for one.

Why: graphql-core completes an answer, and ``json.dumps`` encodes it, without awaiting in
between. An accepted large answer (two pages of 100 measures, each with its organisation
and that organisation's measures: 8,574 list entries, 2.6 MB) held the app's event loop
for 0.7 s at a time, and /health waited that long. In a thread of its own the work shares
the interpreter lock with the loop thread, which gets it back within the switch interval
(1 ms, ``app.py``) whenever a request arrives: /health answers in milliseconds meanwhile.

``GRAPHQL_EXECUTION_THREADS`` threads (started on first use, stopped with the app) each run
an asyncio loop; a request goes to the one with the fewest requests in flight, so a small
query does not queue behind a large one on a loop that is busy completing it. Everything
loop-bound stays on the loop it was made on: ``queries.db`` keeps one async driver per
loop, a request's DataLoaders take the loop they are first used on, analysis slots are
counted per loop (``analysis_slots``).

When the waiting task is cancelled (the wall-clock budget of ``limits.http``), the router
sets ``abandoned`` on the request's context: from then on the execution context neither
resolves nor completes a field (``limits.items``), so the request ends within milliseconds
instead of finishing a second of CPU work nobody reads. Its task on the execution loop is
not cancelled: graphql-core leaves coroutines it created but had not awaited yet behind
when a task is cancelled inside it; a database query already sent runs to its timeout
without holding the thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from queries.db import close_async_driver

__all__ = ["in_execution_thread", "shutdown_execution_threads"]

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Worker:
    """One thread running one event loop forever; ``busy``: requests in flight on it."""

    def __init__(self, number: int) -> None:
        self.loop = asyncio.new_event_loop()
        self.busy = 0
        self.thread = threading.Thread(
            target=self._serve, name=f"graphql-execution-{number}", daemon=True
        )
        self.thread.start()

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()


# used from the app's event loop thread only (start, pick, count, stop)
_workers: list[_Worker] = []


def _least_busy(threads: int) -> _Worker:
    while len(_workers) < threads:
        _workers.append(_Worker(len(_workers)))
    return min(_workers[:threads], key=lambda w: w.busy)


async def in_execution_thread(work: Coroutine[Any, Any, T], *, threads: int) -> T:
    """Await ``work`` run on the loop of one of ``threads`` execution threads.

    Cancelled here, only the waiting stops; ``work`` runs on (the caller tells it to stop).
    """
    worker = _least_busy(threads)
    worker.busy += 1
    try:
        answer = asyncio.wrap_future(asyncio.run_coroutine_threadsafe(work, worker.loop))
        answer.add_done_callback(_retrieve)
        return await asyncio.shield(answer)
    finally:
        worker.busy -= 1


def _retrieve(answer: asyncio.Future[Any]) -> None:
    """Take the error of an answer nobody awaits any more (no "never retrieved" log)."""
    if not answer.cancelled():
        answer.exception()


def shutdown_execution_threads(timeout: float = 5.0) -> None:
    """Close each thread's Neo4j drivers on its own loop, stop the loops (app shutdown)."""
    for worker in _workers:
        closing = asyncio.run_coroutine_threadsafe(close_async_driver(), worker.loop)
        try:
            closing.result(timeout)
        except Exception:  # noqa: BLE001 - shutting down: note it and go on
            log.warning("closing the Neo4j driver of %s failed", worker.thread.name, exc_info=True)
        worker.loop.call_soon_threadsafe(worker.loop.stop)
        worker.thread.join(timeout)
        if not worker.thread.is_alive():
            worker.loop.close()
    _workers.clear()
