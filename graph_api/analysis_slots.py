"""A cap on concurrent analyses in one app process.

A synergy computation on a large graph costs about a second of CPU in a worker thread; ten
of them at once would hold the interpreter lock for seconds and starve every other request.
At most ``GRAPHQL_ANALYSIS_SLOTS`` run together; a request that cannot get a slot within the
database timeout gets a clear error instead of queueing without end.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from queries.errors import QueryLimitError

__all__ = ["analysis_slot"]

_semaphores: dict[tuple[asyncio.AbstractEventLoop, int], asyncio.Semaphore] = {}


@asynccontextmanager
async def analysis_slot(slots: int, wait: float) -> AsyncIterator[None]:
    """Hold one of ``slots`` analysis slots of this event loop, waiting at most ``wait`` s."""
    key = (asyncio.get_running_loop(), slots)
    semaphore = _semaphores.setdefault(key, asyncio.Semaphore(slots))
    try:
        await asyncio.wait_for(semaphore.acquire(), wait)
    except TimeoutError:
        raise QueryLimitError(
            f"zu viele gleichzeitige Analysen (höchstens {slots}); bitte gleich noch einmal "
            "versuchen"
        ) from None
    try:
        yield
    finally:
        semaphore.release()
