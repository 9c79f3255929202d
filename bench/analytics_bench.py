"""Benchmark: the full centrality report on a synthetic graph of 100k nodes and 1M edges.

The graph is built directly in networkx (seeded): 5 % of the nodes are programmes,
nodes belong to 500 planted groups, 80 % of the edges stay inside a group and endpoints
follow heavy-tailed (Pareto) activity, so there are hubs and communities as in a real
network. Timed: :func:`queries.report.centrality_report` (all measures, communities,
brokers). Building the graph is not timed; converting it to a sparse matrix is (every run
starts with an empty matrix cache).

    .venv/bin/python bench/analytics_bench.py [--nodes 100000] [--edges 1000000] [--runs 3]

Results are appended to bench/results/analytics.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

import networkx as nx
import numpy as np

from queries.analytics import _paths
from queries.report import centrality_report

RESULTS = Path(__file__).parent / "results" / "analytics.md"
log = logging.getLogger("bench")


def synthetic_graph(nodes: int, edges: int, seed: int = 0, groups: int = 500) -> nx.Graph:
    """A seeded graph with planted groups and hubs; exactly ``edges`` edges."""
    rng = np.random.default_rng(seed)
    group = rng.integers(0, groups, size=nodes)
    activity = rng.pareto(2.0, size=nodes) + 1.0
    prob = activity / activity.sum()
    members = [np.flatnonzero(group == g) for g in range(groups)]
    seen: set[tuple[int, int]] = set()
    while len(seen) < edges:
        batch = int((edges - len(seen)) * 1.2) + 100
        u = rng.choice(nodes, size=batch, p=prob)
        inside = rng.random(batch) < 0.8
        v = rng.choice(nodes, size=batch, p=prob)
        for i in np.flatnonzero(inside):
            pool = members[group[u[i]]]
            v[i] = pool[rng.integers(0, len(pool))]
        for a, b in zip(u.tolist(), v.tolist(), strict=True):
            if a != b:
                seen.add((a, b) if a < b else (b, a))
                if len(seen) == edges:
                    break
    G = nx.Graph()
    programmes = set(rng.choice(nodes, size=nodes // 20, replace=False).tolist())
    G.add_nodes_from(
        (i, {"label": "Programme" if i in programmes else "Organisation", "name": f"N{i}"})
        for i in range(nodes)
    )
    weights = rng.integers(1, 4, size=edges).tolist()
    G.add_edges_from((a, b, {"weight": w}) for (a, b), w in zip(seen, weights, strict=True))
    return G


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pivots", type=int, default=None)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    t0 = time.perf_counter()
    G = synthetic_graph(args.nodes, args.edges)
    log.info(
        "graph built in %.1f s: %d nodes, %d edges",
        time.perf_counter() - t0,
        G.number_of_nodes(),
        G.number_of_edges(),
    )
    times, report = [], None
    for run in range(args.runs):
        _paths._CACHE.clear()  # every run starts cold: the graph -> matrix conversion counts
        t0 = time.perf_counter()
        report = centrality_report(G, k=args.pivots, seed=run)
        times.append(time.perf_counter() - t0)
        log.info("run %d: %.1f s %s", run + 1, times[-1], report.timings)
    assert report is not None
    top = sorted(report.actors, key=lambda a: -a.betweenness)[:10]
    rel = statistics.median(a.betweenness_se / a.betweenness for a in top if a.betweenness)
    line = (
        f"| {datetime.now(UTC):%Y-%m-%d %H:%M} UTC | {_machine()} | {report.nodes} "
        f"| {report.edges} | {report.betweenness_pivots} | {statistics.median(times):.1f} s "
        f"(runs: {', '.join(f'{t:.1f}' for t in times)}) | {rel:.1%} | "
        + ", ".join(f"{k} {v:.1f}" for k, v in report.timings.items())
        + " |"
    )
    print(line)
    if not args.no_write:
        _append(line)


def _machine() -> str:
    """CPU model, cores, Python and the load while measuring (the machine is shared)."""
    model = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for row in cpuinfo.read_text().splitlines():
            if row.startswith("model name"):
                model = row.split(":", 1)[1].strip()
                break
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.node()}: {model}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, load {load:.1f}"
    )


def _append(line: str) -> None:
    header = (
        "# Analytics benchmark\n\n"
        "Full centrality report (`queries.report.centrality_report`: degree, weighted degree,"
        " sampled betweenness and closeness, PageRank, eigenvector, Louvain, participation,"
        " brokers) on the synthetic graph of `bench/analytics_bench.py`.\n"
        'Target: < 60 s. "rel. SE" = median relative standard error of the betweenness'
        " estimate over the ten nodes with the highest betweenness.\n\n"
        "| date | machine | nodes | edges | pivots | median time | rel. SE (top 10) |"
        " per measure (s, last run) |\n|---|---|---|---|---|---|---|---|\n"
    )
    if not RESULTS.exists():
        RESULTS.write_text(header, encoding="utf-8")
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


if __name__ == "__main__":
    main()
