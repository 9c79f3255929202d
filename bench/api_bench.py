"""Latency and throughput of the GraphQL API over real HTTP (uvicorn on 127.0.0.1).

Usage (after ``python bench/generate_graph.py``, with NEO4J_URI pointing at that graph):
    python bench/api_bench.py [--seconds 8] [--workers 1] [--clients 1,10,50]
                              [--kinds organisation,page,search,ego]
                              [--out bench/results/api.md]

Runs typical queries at 1, 10 and 50 concurrent closed-loop clients (``bench/http_load.py``)
against the app of ``graph_api.app.create_app``, then the two nested queries against the
same app with naive per-field resolvers (``build_graphql_router(batching=False)``: no
DataLoader batching, no combined statements, no prefetch). Besides latency it reports the
CPU each request costs the app, Neo4j and the load generator (from /proc), which is what
bounds throughput on a two-core machine.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_load import LoadResult, run_load  # noqa: E402

log = logging.getLogger("bench.api")
ROOT = Path(__file__).resolve().parents[1]

# the target: one organisation, two levels (partners -> organisation / evidence; measures ->
# field of action)
ORGANISATION = """query($id: ID!) { organisation(id: $id) { name type
  partners { organisation { id name type } evidence { docId line quote } }
  measures { title year fieldOfAction { id } } } }"""
# a page of 20 organisations with the same two levels (~1,800 fields per answer)
PAGE = """query($after: String) { organisations(first: 20, after: $after) { edges { node {
  id name partners { organisation { id name } evidence { docId line } }
  programmes { programme { id name } type } } } } }"""
SEARCH = """query($t: String!) { search(text: $t, first: 10) { id name score } }"""
EGO = """query($id: ID!) { egoNetwork(id: $id, depth: 1) { nodes { id } edges { type } } }"""
SYNERGIES = """query($id: ID!) { synergies(id: $id, first: 10) { targetId score reasons } }"""
QUERIES = {"organisation": ORGANISATION, "page": PAGE, "search": SEARCH, "ego": EGO}
EXTRA = {"synergies": SYNERGIES}  # seconds per request on 50k: run with --kinds synergies
ALL = {**QUERIES, **EXTRA}
NAIVE_KINDS = ("organisation", "page")


def naive_app() -> FastAPI:
    """The app with naive per-field resolvers (one query per parent), for the ratio."""
    from graph_api.graphql_app import build_graphql_router

    app = FastAPI()
    app.include_router(build_graphql_router(batching=False), prefix="/graphql")
    return app


def core_app() -> FastAPI:
    """The whole app with every field completed by graphql-core alone (the executor before
    ``graph_api.execution``), for the before/after ratio in one run."""
    import graph_api.graphql_app as graphql_app
    from graph_api.app import create_app
    from graph_api.schema import build_schema

    graphql_app.schema = build_schema(fast_execution=False)
    return create_app()


def organisation_ids() -> list[str]:
    """The organisations of the graph (the generator's ids are slugs of their names)."""
    from queries import db
    from queries.statements import statement

    return [r["id"] for r in db.read(statement("bench_organisation_ids"))]


def variables_for(kind: str, ids: list[str]) -> Any:
    """Random variables per request: a random organisation, page start or search text."""
    from graph_api.types.connection import encode_cursor

    def make(rng: random.Random) -> dict[str, Any]:
        org = rng.choice(ids)
        if kind == "page":
            return {"after": encode_cursor(org)}
        if kind == "search":
            return {"t": rng.choice(["Köln", "dussel", "Verein Münster", "Gesamtschule Bonn"])}
        return {"id": org}

    return make


def _cpu_ticks(pids: list[int]) -> int:
    """User + system clock ticks of processes (and their reaped children)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return total


def _peak_rss_mb(pids: list[int]) -> float:
    """The largest peak resident memory (VmHWM) among processes, in MB."""
    peak = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except OSError:
            continue
    return peak / 1024


PEAK_RSS_MB: dict[str, float] = {}  # app variant -> peak RSS of its server process(es)


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [pid, *(int(p) for p in out.split())]


@dataclass(frozen=True)
class Row:
    kind: str
    mode: str
    clients: int
    load: LoadResult
    app_ms: float
    neo4j_ms: float

    @property
    def client_ms(self) -> float:
        return 1000 * self.load.client_cpu_s / max(self.load.requests, 1)


def measure(
    port: int,
    app_pids: list[int],
    neo4j_pid: int | None,
    kind: str,
    mode: str,
    clients: int,
    seconds: float,
    ids: list[str],
) -> Row:
    hz = os.sysconf("SC_CLK_TCK")
    neo = [neo4j_pid] if neo4j_pid else []
    a0, n0 = _cpu_ticks(app_pids), _cpu_ticks(neo)
    load = run_load(port, ALL[kind], variables_for(kind, ids), clients, seconds)
    a1, n1 = _cpu_ticks(app_pids), _cpu_ticks(neo)
    per = 1000 / hz / max(load.requests, 1)
    row = Row(kind, mode, clients, load, (a1 - a0) * per, (n1 - n0) * per if neo else 0.0)
    log.info(
        "%-12s %-7s c=%-3d n=%-5d p50 %6.1f p95 %6.1f ms  %6.1f req/s  cpu app %.2f neo4j %.2f",
        kind,
        mode,
        clients,
        load.requests,
        load.p50_ms,
        load.p95_ms,
        load.rps,
        row.app_ms,
        row.neo4j_ms,
    )
    return row


def serve(target: str, port: int, workers: int = 1, src: Path = ROOT) -> subprocess.Popen[bytes]:
    """uvicorn in a child process (uvloop and httptools are picked up when installed);
    ``src``: the source tree to serve (another checkout for the before/after ratio)."""
    cmd = [sys.executable, "-m", "uvicorn", target, "--factory", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=src, env={**os.environ, "PYTHONPATH": str(src)})
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/graphql", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{target} did not start")


def run_app(
    target: str,
    mode: str,
    kinds: list[str],
    clients: list[int],
    args: argparse.Namespace,
    ids: list[str],
    neo4j_pid: int | None,
) -> list[Row]:
    port = args.port + {"batched": 0, "naive": 1, "core": 2, "before": 3}[mode]
    src = args.before_src if mode == "before" else ROOT
    proc = serve(target, port, args.workers, src)
    rows = []
    try:
        pids = _children(proc.pid)
        for kind in kinds:
            # warm up: Neo4j's page cache and JIT, the app's caches, the connection pool; with
            # the run's largest client count (synergies at 1 client: 10 would be refused)
            if args.warmup > 0:
                run_load(port, ALL[kind], variables_for(kind, ids), max(clients), args.warmup)
            for c in clients:
                rows.append(measure(port, pids, neo4j_pid, kind, mode, c, args.seconds, ids))
        PEAK_RSS_MB[mode] = _peak_rss_mb(pids)
        log.info("%s: peak RSS of the API %.0f MB", mode, PEAK_RSS_MB[mode])
    finally:
        proc.terminate()
        proc.wait()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description="GraphQL API benchmark")
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--warmup", type=float, default=8.0, help="seconds of load before a kind")
    ap.add_argument("--port", type=int, default=8731)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    ap.add_argument("--clients", default="1,10,50", help="comma-separated client counts")
    ap.add_argument("--kinds", default=",".join(QUERIES))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "api.md")
    ap.add_argument("--json", type=Path, help="append the rows here (for bench/plots.py)")
    ap.add_argument(
        "--executor-kinds",
        default="",
        help="also run these kinds on the app with graphql-core's executor alone (before/after)",
    )
    ap.add_argument("--no-naive", action="store_true", help="skip the naive resolvers")
    ap.add_argument("--baselines-first", action="store_true", help="run before/core first")
    ap.add_argument(
        "--before-src",
        type=Path,
        help="a checkout of the code before (e.g. `git archive REV | tar -x -C DIR`): its app "
        "also runs the --executor-kinds, for a before/after ratio in one run",
    )
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("neo4j", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    from queries.db import counts
    from queries.schema import LINK_TYPES
    from queries.settings import get_settings
    from vielfalt.neo4j_local import status

    graph = counts()
    n_orgs = graph["nodes"].get("Organisation", 0)
    ids = organisation_ids()
    n_links = sum(graph["relationships"].get(str(t), 0) for t in LINK_TYPES)
    neo4j_pid = status(get_settings()).pid
    clients = [int(c) for c in args.clients.split(",")]
    kinds = args.kinds.split(",")
    loads = [os.getloadavg()]
    core = [k for k in args.executor_kinds.split(",") if k]

    def baselines() -> list[Row]:
        rows: list[Row] = []
        if core and args.before_src:
            app = "graph_api.app:create_app"
            rows += run_app(app, "before", core, clients, args, ids, neo4j_pid)
        if core:
            app = "bench.api_bench:core_app"
            rows += run_app(app, "core", core, clients, args, ids, neo4j_pid)
        return rows

    def now() -> list[Row]:
        return run_app("graph_api.app:create_app", "batched", kinds, clients, args, ids, neo4j_pid)

    # the machine's load drifts: --baselines-first swaps the order, to bound its effect
    if args.baselines_first:
        rows = baselines()
        rows += now()
    else:
        rows = now()
        rows += baselines()
    naive = [] if args.no_naive else [k for k in kinds if k in NAIVE_KINDS]
    if naive:
        naive_clients = [c for c in clients if c <= 10]
        rows += run_app(
            "bench.api_bench:naive_app", "naive", naive, naive_clients, args, ids, neo4j_pid
        )
    loads.append(os.getloadavg())
    write_report(args.out, rows, n_orgs, n_links, args, loads)
    if args.json:
        old = json.loads(args.json.read_text()) if args.json.exists() else []
        new = [
            {
                "links": n_links,
                "kind": r.kind,
                "mode": r.mode,
                "clients": r.clients,
                "p50": r.load.p50_ms,
                "p95": r.load.p95_ms,
                "rps": r.load.rps,
                "load": os.getloadavg()[0],
                "peak_rss_mb": PEAK_RSS_MB.get(r.mode),
            }
            for r in rows
        ]
        args.json.write_text(json.dumps(old + new, indent=1))


def write_report(
    out: Path,
    rows: list[Row],
    n_orgs: int,
    n_links: int,
    args: argparse.Namespace,
    loads: list[tuple[float, float, float]],
) -> None:
    before, after = (", ".join(f"{x:.2f}" for x in la) for la in loads)
    lines = [
        "# GraphQL API benchmark",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M')}; machine: {os.cpu_count()} cores, 24 GiB; "
        f"Neo4j 5.26 community on the same machine; uvicorn workers: {args.workers}",
        f"- load average (1, 5, 15 min) before: {before}; after: {after}",
        f"- graph: {n_orgs} organisations, {n_links} typed links (bench/generate_graph.py)",
        f"- {args.seconds:g} s per row; closed-loop clients of bench/http_load.py (no think "
        "time), random organisation / page / search text per request",
        "- organisation = `organisation(id) { partners { organisation evidence } measures "
        "{ fieldOfAction } }` (the target: two levels); page = `organisations(first: 20) "
        "{ partners { organisation evidence } programmes { programme } }`",
        "- CPU ms per request: app (uvicorn process), Neo4j (its JVM), load generator; resolvers "
        "`batched` = this code, `core` = this code with graphql-core's executor alone, "
        "`before` = the checkout of --before-src, `naive` = per-field resolvers",
        "",
        "| query | resolvers | clients | requests | p50 ms | p95 ms | p99 ms | req/s "
        "| CPU app | CPU Neo4j | CPU client |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lo = r.load
        lines.append(
            f"| {r.kind} | {r.mode} | {r.clients} | {lo.requests} | {lo.p50_ms:.1f} | "
            f"{lo.p95_ms:.1f} | {lo.p99_ms:.1f} | {lo.rps:.1f} | {r.app_ms:.2f} | "
            f"{r.neo4j_ms:.2f} | {r.client_ms:.2f} |"
        )
    by = {(r.kind, r.mode, r.clients): r for r in rows}
    lines.append("")
    for kind in NAIVE_KINDS:
        for c in (1, 10):
            b, n = by.get((kind, "batched", c)), by.get((kind, "naive", c))
            if b and n:
                lines.append(
                    f"- batched vs naive, {kind}, {c} client(s): p50 "
                    f"{n.load.p50_ms / b.load.p50_ms:.1f}x faster, throughput "
                    f"{b.load.rps / n.load.rps:.1f}x"
                )
    labels = {"core": "graphql-core's executor alone", "before": "the code before"}
    for kind in ("page", "organisation"):
        for c in (1, 10):
            b = by.get((kind, "batched", c))
            for mode, label in labels.items():
                old = by.get((kind, mode, c))
                if b and old:
                    lines.append(
                        f"- {kind}, {c} client(s), now vs {label}: p50 {old.load.p50_ms:.1f} "
                        f"-> {b.load.p50_ms:.1f} ms, p95 {old.load.p95_ms:.1f} -> "
                        f"{b.load.p95_ms:.1f} ms ({old.load.p95_ms / b.load.p95_ms:.2f}x), "
                        f"req/s {old.load.rps:.1f} -> {b.load.rps:.1f}, app CPU "
                        f"{old.app_ms:.1f} -> {b.app_ms:.1f} ms per request"
                    )
    page = by.get(("page", "batched", 10))
    if page:
        verdict = "met" if page.load.p95_ms < 100 else "missed"
        lines.append(
            f"- target (page, 10 clients, p95 < 100 ms): {page.load.p95_ms:.1f} ms: {verdict}"
        )
    for mode, mb in PEAK_RSS_MB.items():
        lines.append(f"- peak RSS of the API process ({mode}) under this load: {mb:.0f} MB")
    target = by.get(("organisation", "batched", 10))
    if target:
        verdict = "met" if target.load.p95_ms < 50 else "missed"
        lines.append(
            f"- target (organisation, 10 clients, p95 < 50 ms): {target.load.p95_ms:.1f} ms "
            f"over {target.load.requests} requests: {verdict}"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log.info("written %s", out)


if __name__ == "__main__":
    main()
