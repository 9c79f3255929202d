"""CPU-heavy analyses in worker processes, so they never hold the event loop's interpreter lock.

A thread computing synergies shares the interpreter lock with the event loop. On a busy
machine the OS preempts that thread while it holds the lock, and every request of the app,
/health included, waits until it runs again (measured at load average 10 on two cores:
/health 108 ms during synergies, 18 ms idle). In a process of its own an analysis competes
for a core, not for the lock. One pool per worker count (``GRAPHQL_ANALYSIS_SLOTS``), started
on first use with ``spawn`` (no inherited driver threads or event loop) and stopped with the
app: its workers are ended, not left to finish an analysis nobody waits for, and a worker whose
app died without stopping it (killed) ends itself. The analysis gets the request's settings
as an argument; its errors come back pickled.
"""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from queries.errors import DatabaseError

__all__ = ["in_worker_process", "shutdown_worker_processes"]

T = TypeVar("T")
_pools: dict[int, ProcessPoolExecutor] = {}


_PARENT_CHECK_SECONDS = 1.0


def _end_with_parent(parent: int) -> None:
    """Worker initializer: end this worker once the app that started it is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _pool(workers: int) -> ProcessPoolExecutor:
    pool = _pools.get(workers)
    if pool is None:
        context = multiprocessing.get_context("spawn")
        pool = _pools[workers] = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_end_with_parent, initargs=(os.getpid(),)
        )
    return pool


async def in_worker_process(fn: Callable[..., T], *args: Any, workers: int, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` in one of ``workers`` worker processes (module-level ``fn``)."""
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(_pool(workers), functools.partial(fn, *args, **kwargs))
    except BrokenProcessPool as exc:  # a worker died (killed, out of memory): start afresh
        _pools.pop(workers, None)
        raise DatabaseError("the analysis worker process stopped unexpectedly") from exc


def shutdown_worker_processes() -> None:
    """Stop every pool (app shutdown); running analyses are abandoned and their workers
    ended."""
    for pool in _pools.values():
        workers = list(pool._processes.values()) if pool._processes else []
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
    _pools.clear()
