"""Execution threads: the work runs on another thread's loop; results, errors and a cut-off
wait come back as the router expects (the HTTP behaviour is tested in integration/api)."""

from __future__ import annotations

import asyncio
import threading

import pytest

from graph_api.execution_threads import in_execution_thread, shutdown_execution_threads
from queries.errors import QueryLimitError


async def _where() -> tuple[str, asyncio.AbstractEventLoop]:
    await asyncio.sleep(0)
    return threading.current_thread().name, asyncio.get_running_loop()


def test_work_runs_on_a_loop_of_its_own_thread() -> None:
    async def scenario() -> None:
        name, loop = await in_execution_thread(_where(), threads=2)
        assert name.startswith("graphql-execution-")
        assert loop is not asyncio.get_running_loop()

    try:
        asyncio.run(scenario())
    finally:
        shutdown_execution_threads()


def test_errors_come_back_and_a_cut_off_wait_leaves_the_work_running() -> None:
    finished = threading.Event()

    async def refused() -> None:
        raise QueryLimitError("zu groß")

    async def slow() -> None:
        await asyncio.sleep(0.2)
        finished.set()

    async def scenario() -> None:
        with pytest.raises(QueryLimitError, match="zu groß"):
            await in_execution_thread(refused(), threads=1)
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.01):
                await in_execution_thread(slow(), threads=1)
        assert not finished.is_set()  # only the waiting stopped ...
        await asyncio.sleep(0.5)
        assert finished.is_set()  # ... the router tells the work to stop (abandoned)

    try:
        asyncio.run(scenario())
    finally:
        shutdown_execution_threads()
