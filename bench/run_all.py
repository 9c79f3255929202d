"""Every cost curve of BENCHMARKS.md in one command.

Usage:
    python bench/run_all.py --quick    # 10k / 30k links, 1x / 3x corpus: ~15 min on 2 cores
    python bench/run_all.py            # 10k / 100k / 500k links (+ analytics to 1M edges)
    python bench/run_all.py --sizes 10000,1000000   # other graph sizes for the API curves

Runs, each in its own process, against the Neo4j of NEO4J_URI (it is emptied!):
load throughput (bench/load_bench.py), extraction vs text size and cores
(bench/extract_scale.py), for each graph size the graph through the production writer
(bench/generate_graph.py) and the GraphQL latencies on it (bench/api_bench.py), the
centrality report vs size (bench/analytics_bench.py's graph), then the PNG plots
(bench/plots.py). On every size the page and organisation queries also run on the app with
graphql-core's executor alone (the before of ``graph_api.execution``), so each API table
holds its before/after ratio from one run. JSON rows and the tables go to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import RESULTS, machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
log = logging.getLogger("bench.run_all")


def _run(*args: str) -> None:
    cmd = [sys.executable, *args]
    log.info("$ %s", " ".join(cmd[1:]))
    subprocess.run(cmd, cwd=ROOT, check=True)


def analytics_scale(sizes: list[tuple[int, int]], out: Path) -> None:
    """The full centrality report on analytics_bench's synthetic graph, one run per size."""
    from analytics_bench import synthetic_graph

    from queries.analytics import _paths
    from queries.report import centrality_report

    rows = json.loads(out.read_text()) if out.exists() else []
    for nodes, edges in sizes:
        G = synthetic_graph(nodes, edges)
        _paths._CACHE.clear()
        t0 = time.perf_counter()
        centrality_report(G, seed=0)
        secs = time.perf_counter() - t0
        log.info("analytics: %d nodes, %d edges: %.1f s", nodes, edges, secs)
        rows.append({"nodes": nodes, "edges": edges, "seconds": secs, "machine": machine()})
    out.write_text(json.dumps(rows, indent=1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--sizes", help="graph sizes in links for the API curves, comma-separated")
    ap.add_argument(
        "--before-src",
        help="a checkout of the code before (`git archive REV | tar -x -C DIR`) for the "
        "before/after rows of the page and organisation queries",
    )
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    sizes = [10_000, 30_000] if args.quick else [10_000, 100_000, 500_000]
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    RESULTS.mkdir(exist_ok=True)
    for name in ("load", "extract_scale", "api_scale", "analytics_scale"):
        (RESULTS / f"{name}.json").unlink(missing_ok=True)
    # the load benchmark's configurations take ~10x the time of one load: up to 100k links
    sizes_arg = ",".join(str(s) for s in sizes if s <= 100_000)
    _run("bench/load_bench.py", "--links", sizes_arg, "--csv", "--naive", "200",
         "--json", str(RESULTS / "load.json"))  # fmt: skip
    times = "1,3" if args.quick else "1,3,10"
    _run("bench/extract_scale.py", "--times", times, "--workers", "1,2",
         "--json", str(RESULTS / "extract_scale.json"))  # fmt: skip
    for size in sizes:
        _run("bench/generate_graph.py", "--links", str(size), "--json", str(RESULTS / "load.json"))
        _run("bench/api_bench.py", "--clients", "1,10", "--seconds", "4", "--warmup", "2",
             "--kinds", "organisation,page,search,ego,synergies",
             "--executor-kinds", "page,organisation",
             *(["--before-src", args.before_src] if args.before_src else []),
             "--out", str(RESULTS / f"api_{size}.md"),
             "--json", str(RESULTS / "api_scale.json"))  # fmt: skip
    edges = [(1_000, 10_000), (10_000, 100_000)] + ([] if args.quick else [(100_000, 1_000_000)])
    analytics_scale(edges, RESULTS / "analytics_scale.json")
    note = f"{machine()} | python bench/run_all.py{' --quick' if args.quick else ''}"
    _run("bench/plots.py", "--note", note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
