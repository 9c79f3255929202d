"""The cap on concurrent analyses (the scheduling only; the resolver is tested over HTTP)."""

from __future__ import annotations

import asyncio

import pytest

from graph_api.analysis_slots import analysis_slot
from queries.errors import QueryLimitError


def test_a_busy_slot_is_a_clear_error_and_is_given_back() -> None:
    async def scenario() -> list[str]:
        events: list[str] = []
        held, release = asyncio.Event(), asyncio.Event()

        async def long_analysis() -> None:
            async with analysis_slot(1, wait=1.0):
                events.append("first runs")
                held.set()
                await release.wait()

        first = asyncio.create_task(long_analysis())
        await held.wait()
        with pytest.raises(QueryLimitError, match="höchstens 1"):
            async with analysis_slot(1, wait=0.05):
                events.append("must not run")
        release.set()
        await first
        async with analysis_slot(1, wait=0.05):
            events.append("next runs")
        return events

    assert asyncio.run(scenario()) == ["first runs", "next runs"]


def test_slots_run_side_by_side_up_to_the_cap() -> None:
    async def scenario() -> int:
        running = peak = 0

        async def analysis() -> None:
            nonlocal running, peak
            async with analysis_slot(2, wait=5.0):
                running += 1
                peak = max(peak, running)
                await asyncio.sleep(0.02)
                running -= 1

        await asyncio.gather(*(analysis() for _ in range(6)))
        return peak

    assert asyncio.run(scenario()) == 2


def test_stopping_the_app_ends_its_analysis_workers() -> None:
    import os
    import time

    from graph_api.analysis_processes import in_worker_process, shutdown_worker_processes

    loop = asyncio.new_event_loop()
    pid = loop.run_until_complete(in_worker_process(os.getpid, workers=1))
    assert pid != os.getpid()
    long_analysis = loop.create_task(in_worker_process(time.sleep, 60, workers=1))
    loop.run_until_complete(asyncio.sleep(0.5))  # the worker is now inside a long analysis
    shutdown_worker_processes()  # the app stops; nobody waits for that analysis any more
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.waitpid(pid, os.WNOHANG)  # reap it if it is our zombie
                os.kill(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                return  # the worker is gone
            time.sleep(0.1)
        raise AssertionError(f"worker {pid} still runs after the app stopped")
    finally:
        long_analysis.cancel()
        loop.run_until_complete(asyncio.gather(long_analysis, return_exceptions=True))
        loop.close()
