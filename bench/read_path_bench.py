"""Benchmark: the reads the pages and GraphQL share, median milliseconds per call.

Why: the page profiles now come from the API's batch reads combined into one statement,
and GraphQL's ``egoNetwork`` walks with the pages' network reads (one read path). This
measures both on the loaded graph of the configured Neo4j (load the corpus first with
``vielfalt load``), plus the cost of a whole-graph fingerprint. Run it against an older
checkout with ``--root`` to compare (the functions it finds there are used).

    .venv/bin/python bench/read_path_bench.py --runs 15
    .venv/bin/python bench/read_path_bench.py --runs 15 --root /tmp/old-checkout
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm: driver, statement cache, Neo4j's page cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def load_average() -> str:
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout whose code is timed")
    args = parser.parse_args()
    sys.path.insert(0, str(args.root))
    profile = importlib.import_module("queries.network_profile")
    network = importlib.import_module("queries.network")
    settings = importlib.import_module("queries.settings").get_settings()
    whole = network.whole_network(settings)
    degree = {n.id: 0 for n in whole.nodes if n.kind == "org"}
    for lk in whole.links:
        for kind, _, id_ in (lk.source.partition(":"), lk.target.partition(":")):
            if kind == "org":
                degree[id_] += 1
    hub = max(degree, key=lambda i: (degree[i], i))
    leaf = min((i for i in degree if degree[i]), key=lambda i: (degree[i], i))
    if "evidence" in network.ego_network.__code__.co_varnames:  # one walk for pages and API

        def graphql_ego(node: str) -> Any:
            return network.ego_network(
                node, 2, max_nodes=500, evidence=None, citations=False, settings=settings
            )

    else:  # before: the API's own walk
        read_links = importlib.import_module("queries.read_links")

        def graphql_ego(node: str) -> Any:
            return read_links.ego_network(node, depth=2, settings=settings)

    def page_profile(node: str) -> Any:
        return profile.organisation_profile(node, settings)

    rows: list[tuple[str, str, Callable[[str], Any]]] = [
        (f"organisation page profile, hub ({degree[hub]} links)", hub, page_profile),
        (f"organisation page profile, leaf ({degree[leaf]} links)", leaf, page_profile),
        ("egoNetwork depth 2, hub (GraphQL)", hub, graphql_ego),
        ("egoNetwork depth 2, leaf (GraphQL)", leaf, graphql_ego),
    ]
    print(f"code: {Path(profile.__file__).parents[1]}; load average before: {load_average()}")
    for name, id_, fn in rows:
        print(f"| {name} | {median_ms(lambda f=fn, i=id_: f(i), args.runs):.1f} |")
    if (Path(profile.__file__).parents[1] / "queries" / "fingerprint.py").exists():
        fingerprint = importlib.import_module("queries.fingerprint").fingerprint
        print(f"| whole-graph fingerprint | {median_ms(lambda: fingerprint(settings), 5):.1f} |")
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
