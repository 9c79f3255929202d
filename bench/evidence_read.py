"""The links read of one page, with every evidence list against only those the page shows.

Usage (NEO4J_URI pointing at a graph of bench/generate_graph.py):
    python bench/evidence_read.py [--requests 300]

The read that the page query of ``bench/api_bench.py`` sends for its second level (20
organisations after a random one: ``partners(first: 20)`` and ``programmes``), once with
``LinkQuery.evidence`` naming every evidence attribute (what the code before read) and once
with what the page selects (``evidence { docId line }`` on partners, no evidence on
programmes), alternating per request on the same pages. Prints the mean CPU of this process
(driver and row shaping) and of Neo4j per read, and the median wall time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_bench import organisation_ids  # noqa: E402
from measure import cpu_seconds, machine, neo4j_pid  # noqa: E402

from queries import db  # noqa: E402
from queries.read_links import EVIDENCE_ATTRIBUTES, LinkQuery, links_for  # noqa: E402
from queries.schema import RelType  # noqa: E402

_CO = (str(RelType.COOPERATES_WITH),)
VARIANTS = {
    "every evidence list": (EVIDENCE_ATTRIBUTES, EVIDENCE_ATTRIBUTES),
    "the selected ones": (("line",), None),
}


def keys(
    page: list[str], partners: tuple[str, ...] | None, programmes: tuple[str, ...] | None
) -> list[LinkQuery]:
    return [
        k
        for i in page
        for k in (
            LinkQuery(i, _CO, "Organisation", limit=20, evidence=partners),
            LinkQuery(i, other_label="Programme", evidence=programmes),
        )
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=300)
    args = ap.parse_args()
    ids = sorted(organisation_ids())
    pid, rng = neo4j_pid(), random.Random(0)
    rows: dict[str, list[tuple[float, float, float, int]]] = {v: [] for v in VARIANTS}
    for n in range(20 + args.requests):  # 20 of warm-up
        start = rng.randrange(len(ids) - 20)
        for name, (partners, programmes) in VARIANTS.items():
            spec = links_for(keys(ids[start : start + 20], partners, programmes))
            c0, n0, w0 = time.process_time(), cpu_seconds(pid), time.perf_counter()
            found = db.fetch(spec)
            if n >= 20:
                rows[name].append(
                    (
                        time.process_time() - c0,
                        cpu_seconds(pid) - n0,
                        time.perf_counter() - w0,
                        sum(len(x) for x in found.values()),
                    )
                )
    print(f"{args.requests} reads each, alternating; {machine()}")
    for name, r in rows.items():
        print(
            f"  {name:20s} client CPU {1000 * statistics.mean(x[0] for x in r):.2f} ms, "
            f"Neo4j CPU {1000 * statistics.mean(x[1] for x in r):.2f} ms, "
            f"wall p50 {1000 * statistics.median(x[2] for x in r):.2f} ms, "
            f"{statistics.mean(x[3] for x in r):.0f} links"
        )


if __name__ == "__main__":
    main()
