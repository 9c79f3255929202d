"""What whole-document link reads cost: the API's page and organisation queries, before/after.

Usage (after ``python bench/generate_graph.py``, with NEO4J_URI pointing at that graph, and a
checkout of the code before, e.g. ``git archive REV | tar -x -C /tmp/before``):

    python bench/whole_documents_bench.py --before-src /tmp/before [--requests 300]
        [--kinds page,organisation,search,ego,stats,/netzwerk,/organisation/]

A kind starting with ``/`` is a page: ``GET`` of that path (one ending in ``/`` gets a random
organisation's id appended).

Serves both apps at once, each on a Unix socket (no TCP port), and sends the same random
requests to both in turn, one at a time, alternating which goes first: both see the same
machine load, which on a shared two-core machine drifts more than the difference measured.
Prints the median, p90 and mean latency per query and version, and the ratio of medians.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_bench import ALL, organisation_ids, variables_for  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def serve(src: Path, socket: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "uvicorn", "graph_api.app:create_app", "--factory"]
    cmd += ["--uds", str(socket), "--log-level", "warning", "--no-access-log"]
    from queries.settings import get_settings

    s = get_settings()  # this checkout's (its .env): the other checkout reads the same graph
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "NEO4J_URI": s.neo4j_uri,
        "NEO4J_USER": s.neo4j_user,
        "NEO4J_PASSWORD": s.neo4j_password,
        "NEO4J_DATABASE": s.neo4j_database,
    }
    proc = subprocess.Popen(cmd, cwd=src, env=env)
    for _ in range(300):
        if socket.exists():
            return proc
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"the app of {src} did not start")


def client(socket: Path) -> httpx.Client:
    return httpx.Client(
        transport=httpx.HTTPTransport(uds=str(socket)), base_url="http://app", timeout=60
    )


STATS = "{ stats { nodes { key count } relationships { key count } organisationTypes { key } } }"


def ask(c: httpx.Client, query: str, variables: dict[str, object]) -> float:
    t0 = time.perf_counter()
    if query.startswith("/"):  # a page
        path = query + str(variables["id"]) if query.endswith("/") else query
        response = c.get(path)
        ms = (time.perf_counter() - t0) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{path}: {response.status_code}")
        return ms
    answer = c.post("/graphql", json={"query": query, "variables": variables}).json()
    ms = (time.perf_counter() - t0) * 1000
    if answer.get("errors"):
        raise RuntimeError(answer["errors"])
    return ms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before-src", type=Path, required=True)
    ap.add_argument("--requests", type=int, default=300, help="per query and version")
    ap.add_argument("--kinds", default="page,organisation")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    ids = organisation_ids()
    versions = {"before": args.before_src.resolve(), "after": ROOT}
    with tempfile.TemporaryDirectory() as tmp:
        sockets = {v: Path(tmp) / f"{v}.sock" for v in versions}
        procs = [serve(src, sockets[v]) for v, src in versions.items()]
        try:
            clients = {v: client(sockets[v]) for v in versions}
            print(f"load average before: {os.getloadavg()[0]:.1f}")
            for kind in args.kinds.split(","):
                make = variables_for(kind, ids)
                query = kind if kind.startswith("/") else {**ALL, "stats": STATS}[kind]
                rng = random.Random(args.seed)
                times: dict[str, list[float]] = {v: [] for v in versions}
                for v in versions:  # warm: caches, connection pools, Neo4j's plan cache
                    for _ in range(20):
                        ask(clients[v], query, make(rng))
                for i in range(args.requests):
                    variables = make(rng)
                    order = list(versions) if i % 2 == 0 else list(reversed(versions))
                    for v in order:
                        times[v].append(ask(clients[v], query, variables))
                for v, ts in times.items():
                    q = statistics.quantiles(ts, n=10)
                    print(
                        f"| {kind} | {v} | {statistics.median(ts):.1f} | {q[-1]:.1f} | "
                        f"{statistics.mean(ts):.1f} |"
                    )
                ratio = statistics.median(times["after"]) / statistics.median(times["before"])
                print(f"{kind}: after / before (medians) = {ratio:.3f}")
            print(f"load average after: {os.getloadavg()[0]:.1f}")
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait()


if __name__ == "__main__":
    main()
