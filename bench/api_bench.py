"""Latency and throughput of the GraphQL API over real HTTP (uvicorn on 127.0.0.1).

Usage (after ``python bench/generate_graph.py``):
    python bench/api_bench.py [--seconds 8] [--workers 1] [--clients 1,10,50]
                              [--out bench/results/api.md]

Runs typical queries at 1, 10 and 50 concurrent clients (httpx, asyncio) against the app
built by ``graph_api.app.create_app`` and then the same two-level nested query against a
router with naive per-field resolvers (``build_graphql_router(batching=False)``).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from fastapi import FastAPI

log = logging.getLogger("bench.api")
ROOT = Path(__file__).resolve().parents[1]

NESTED = """query($after: String) { organisations(first: 20, after: $after) { edges { node {
  id name partners { organisation { id name } evidence { docId line } }
  programmes { programme { id name } type } } } } }"""
DETAIL = """query($id: ID!) { organisation(id: $id) { name type
  partners { organisation { name } } measures { title year fieldOfAction { id } } } }"""
SEARCH = """query($t: String!) { search(text: $t, first: 10) { id name score } }"""
EGO = """query($id: ID!) { egoNetwork(id: $id, depth: 1) { nodes { id } edges { type } } }"""


def naive_app() -> FastAPI:
    """The app with naive per-field resolvers (one query per parent), for the ratio."""
    from graph_api.graphql_app import build_graphql_router

    app = FastAPI()
    app.include_router(build_graphql_router(batching=False), prefix="/graphql")
    return app


def _cursor(i: int) -> str:
    from graph_api.types.connection import encode_cursor

    return encode_cursor(f"org-{i:06d}")


def variables(kind: str, rng: random.Random, n_orgs: int) -> dict:
    i = rng.randrange(n_orgs)
    if kind == "nested":
        return {"after": _cursor(i)}
    if kind == "search":
        return {"t": rng.choice(["Köln", "dussel", "Verein Münster", "Schule Bonn 12"])}
    return {"id": f"org-{i:06d}"}


async def _client(
    url: str, query: str, kind: str, until: float, lat: list[float], seed: int, n_orgs: int
) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(timeout=60) as http:
        while time.perf_counter() < until:
            t0 = time.perf_counter()
            r = await http.post(
                url, json={"query": query, "variables": variables(kind, rng, n_orgs)}
            )
            body = r.json()
            if r.status_code != 200 or body.get("errors"):
                raise RuntimeError(f"{kind}: {r.status_code} {body.get('errors')}")
            lat.append(time.perf_counter() - t0)


def run_load(
    url: str, query: str, kind: str, clients: int, seconds: float, n_orgs: int
) -> dict[str, float]:
    lat: list[float] = []
    until = time.perf_counter() + seconds

    async def main() -> None:
        await asyncio.gather(
            *(_client(url, query, kind, until, lat, s, n_orgs) for s in range(clients))
        )

    t0 = time.perf_counter()
    asyncio.run(main())
    wall = time.perf_counter() - t0
    lat.sort()
    return {
        "n": len(lat),
        "p50": 1000 * statistics.median(lat),
        "p95": 1000 * lat[int(0.95 * (len(lat) - 1))],
        "rps": len(lat) / wall,
    }


def serve(target: str, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    """uvicorn in a child process (uvloop and httptools are picked up when installed)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            target,
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--workers",
            str(workers),
            "--no-access-log",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/graphql", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{target} did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description="GraphQL API benchmark")
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--port", type=int, default=8731)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    ap.add_argument("--clients", default="1,10,50", help="comma-separated client counts")
    ap.add_argument("--kinds", default="nested,detail,search,ego")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "api.md")
    args = ap.parse_args()
    client_counts = [int(c) for c in args.clients.split(",")]
    load_before = os.getloadavg()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("neo4j").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    from queries.db import counts

    graph = counts()
    n_orgs = graph["nodes"].get("Organisation", 0)
    n_links = sum(
        v for k, v in graph["relationships"].items() if k in {"COOPERATES_WITH", "PARTICIPATES_IN"}
    )
    rows = []
    proc = serve("graph_api.app:create_app", args.port, args.workers)
    url = f"http://127.0.0.1:{args.port}/graphql"
    queries = {"nested": NESTED, "detail": DETAIL, "search": SEARCH, "ego": EGO}
    try:
        for kind in args.kinds.split(","):
            query = queries[kind]
            run_load(url, query, kind, 2, 1.0, n_orgs)  # warm up: plans, caches, pool
            for clients in client_counts:
                r = run_load(url, query, kind, clients, args.seconds, n_orgs)
                log.info("%-7s c=%-3d %s", kind, clients, r)
                rows.append((kind, "batched", clients, r))
    finally:
        proc.terminate()
        proc.wait()
    proc = serve("bench.api_bench:naive_app", args.port + 1, args.workers)
    try:
        naive_url = f"http://127.0.0.1:{args.port + 1}/graphql"
        run_load(naive_url, NESTED, "nested", 2, 1.0, n_orgs)
        for clients in (1, 10):
            r = run_load(naive_url, NESTED, "nested", clients, args.seconds, n_orgs)
            log.info("naive   c=%-3d %s", clients, r)
            rows.append(("nested", "naive", clients, r))
    finally:
        proc.terminate()
        proc.wait()
    loads = (load_before, os.getloadavg())
    write_report(args.out, rows, n_orgs, n_links, args.seconds, args.workers, loads)


def write_report(
    out: Path,
    rows: list,
    n_orgs: int,
    n_links: int,
    seconds: float,
    workers: int,
    loads: tuple[tuple[float, ...], tuple[float, ...]],
) -> None:
    before, after = (", ".join(f"{x:.2f}" for x in la) for la in loads)
    lines = [
        "# GraphQL API benchmark",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M')}; machine: {os.cpu_count()} cores, 24 GiB; "
        f"Neo4j 5.26 community (heap 1g) on the same machine; uvicorn workers: {workers}",
        f"- load average (1, 5, 15 min) before: {before}; after: {after}",
        f"- graph: {n_orgs} organisations, {n_links} typed links (bench/generate_graph.py)",
        f"- {seconds:g} s per row, httpx.AsyncClient clients in one process",
        "- nested = `organisations(first: 20, after: random) { partners { organisation "
        "evidence } programmes { programme } }` (two levels)",
        "",
        "| query | resolvers | clients | requests | p50 ms | p95 ms | req/s |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for kind, mode, clients, r in rows:
        lines.append(
            f"| {kind} | {mode} | {clients} | {r['n']} | {r['p50']:.1f} | "
            f"{r['p95']:.1f} | {r['rps']:.1f} |"
        )
    by = {(k, m, c): r for k, m, c, r in rows}
    for c in (1, 10):
        if ("nested", "naive", c) in by:
            b, n = by[("nested", "batched", c)], by[("nested", "naive", c)]
            lines.append("")
            lines.append(
                f"Batched vs naive, nested, {c} clients: p50 {n['p50'] / b['p50']:.1f}x "
                f"faster, throughput {b['rps'] / n['rps']:.1f}x."
            )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log.info("written %s", out)


if __name__ == "__main__":
    main()
