"""A lean closed-loop HTTP/1.1 load generator: N clients, keep-alive, one request at a time.

httpx cost ~3 ms of CPU per request, on the same two cores as the server it measured; this
client writes the request bytes itself and reads the response by Content-Length (~0.4 ms).
Each client sends its next request as soon as the answer is in (no think time).
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import uvloop

__all__ = ["LoadResult", "run_load"]

Variables = Callable[[random.Random], dict[str, Any]]


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    client_cpu_s: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


async def _client(
    port: int, query: str, variables: Variables, seed: int, until: float, lat: list[float]
) -> None:
    rng = random.Random(seed)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: "
    )
    try:
        while time.perf_counter() < until:
            body = json.dumps({"query": query, "variables": variables(rng)}).encode()
            t0 = time.perf_counter()
            writer.write(f"{head}{len(body)}\r\n\r\n".encode() + body)
            status = await reader.readuntil(b"\r\n")
            length = 0
            while (line := await reader.readuntil(b"\r\n")) != b"\r\n":
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            payload = await reader.readexactly(length)
            lat.append(time.perf_counter() - t0)
            if b" 200 " not in status or b'"errors"' in payload:
                raise RuntimeError(f"{status!r}: {payload[:300]!r}")
    finally:
        writer.close()


def run_load(
    port: int, query: str, variables: Variables, clients: int, seconds: float
) -> LoadResult:
    """Run ``clients`` closed-loop clients for ``seconds``; latencies of every request."""
    lat: list[float] = []

    async def main() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(
            *(_client(port, query, variables, s, until, lat) for s in range(clients))
        )

    cpu0, t0 = time.process_time(), time.perf_counter()
    uvloop.run(main())
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    lat.sort()

    def pct(q: float) -> float:
        return 1000 * lat[int(q * (len(lat) - 1))]

    return LoadResult(len(lat), wall, 1000 * statistics.median(lat), pct(0.95), pct(0.99), cpu)
