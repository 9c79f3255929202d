"""A bounded soak test: mixed GraphQL load on loopback for a fixed time, zero errors allowed.

Usage (with the corpus loaded, NEO4J_URI pointing at it):
    python bench/soak.py [--seconds 60] [--clients 10] [--out bench/results/soak.md]

The app runs in a uvicorn child process as in ``bench/api_bench.py``; ``bench/http_load.py``
drives closed-loop keep-alive clients, each request picking one of three kinds through
``@include`` variables (one organisation with partners and measures, a name search, a page of
20 organisations), ids and search words taken from the graph itself. Any answer that is not a
200 without ``errors`` aborts the run (http_load raises). Meanwhile a probe asks /health every
50 ms on its own socket; its slowest answer is reported beside the load's p50/p95/p99 (under
saturating closed-loop load it queues behind the requests in flight like any other request:
this is latency under load, not a blocked event loop, which ``test_event_loop.py`` checks).
``soak()`` is what ``tests/integration/api/test_soak.py`` runs for 10 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_load import LoadResult, run_load  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

MIXED = """query($id: ID!, $text: String!, $org: Boolean!, $find: Boolean!, $page: Boolean!) {
  organisation(id: $id) @include(if: $org) { name type
    partners { organisation { id name } evidence { docId line } }
    measures { title year fieldOfAction { id } } }
  search(text: $text, first: 10) @include(if: $find) { id name score }
  organisations(first: 20) @include(if: $page) { edges { node { id name
    programmes { programme { id name } type } } } } }"""
IDS = """{ organisations(first: 100) { edges { node { id name } } } }"""


@dataclass(frozen=True)
class SoakResult:
    load: LoadResult
    health_max_ms: float
    health_probes: int


def _health_probe(port: int, stop: threading.Event, times: list[float]) -> None:
    """GET /health every 50 ms on one keep-alive socket (a few µs of client CPU each)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        reader = sock.makefile("rb")
        while not stop.is_set():
            t0 = time.perf_counter()
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            status = reader.readline()
            length = 0
            while (line := reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            reader.read(length)
            if b" 200 " not in status:
                raise RuntimeError(f"/health answered {status!r}")
            times.append(time.perf_counter() - t0)
            stop.wait(0.05)


def soak(port: int, seconds: float, clients: int = 10) -> SoakResult:
    """Mixed load against the app on ``port``; raises on the first error answer."""
    rows = httpx.post(f"http://127.0.0.1:{port}/graphql", json={"query": IDS}, timeout=30).json()
    nodes = [e["node"] for e in rows["data"]["organisations"]["edges"]]
    ids = [n["id"] for n in nodes]
    words = sorted({w for n in nodes for w in n["name"].split() if len(w) >= 4}) or ["a"]

    def variables(rng: random.Random) -> dict[str, Any]:
        kind = rng.choice(["org", "org", "find", "page"])
        return {
            "id": rng.choice(ids),
            "text": rng.choice(words)[: rng.randint(3, 8)],
            "org": kind == "org",
            "find": kind == "find",
            "page": kind == "page",
        }

    stop, times = threading.Event(), []
    probe = threading.Thread(target=_health_probe, args=(port, stop, times), daemon=True)
    probe.start()
    try:
        load = run_load(port, MIXED, variables, clients, seconds)
    finally:
        stop.set()
        probe.join(timeout=10)
    return SoakResult(load, 1000 * max(times, default=0.0), len(times))


def main() -> None:
    ap = argparse.ArgumentParser(description="bounded soak test of the GraphQL API")
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--clients", type=int, default=10)
    ap.add_argument("--port", type=int, default=8741)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "soak.md")
    args = ap.parse_args()
    from api_bench import serve  # the same uvicorn child process as the API benchmark

    load_before = os.getloadavg()
    proc = serve("graph_api.app:create_app", args.port)
    try:
        run_load(args.port, IDS, lambda rng: {}, 2, 3.0)  # warm up caches and the pool
        result = soak(args.port, args.seconds, args.clients)
    finally:
        proc.terminate()
        proc.wait()
    r = result.load
    lines = [
        "# Soak test (bench/soak.py)",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC; machine: "
        f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
        "Neo4j 5.26 community and the load generator on the same machine; one uvicorn worker",
        f"- load average before: {', '.join(f'{x:.2f}' for x in load_before)}; after: "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- graph: the loaded corpus; {args.clients} closed-loop clients for {args.seconds:g} s, "
        "mixed organisation / search / page queries",
        "",
        "| requests | errors | req/s | p50 ms | p95 ms | p99 ms | /health probes | /health max |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {r.requests} | 0 | {r.rps:.0f} | {r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.p99_ms:.1f} "
        f"| {result.health_probes} | {result.health_max_ms:.1f} ms |",
        "",
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
