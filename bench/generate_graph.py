"""Write a synthetic graph of the project's shape into Neo4j (for the API benchmark).

Usage: python bench/generate_graph.py --organisations 50000 --links 500000 [--keep]

The graph is :func:`queries.sample_graph.synthetic_graph` (seeded): clusters around one
programme per 500 organisations and hubs (out-of-cluster partners chosen with weight
1/(rank+1)^0.8), one measure per organisation, written in UNWIND batches.
It clears the database first unless --keep is given: point NEO4J_URI at a scratch instance.
50k organisations / 500k links take about 6 minutes on 2 shared cores (links are CREATEd in
10k-row batches, ~4 s each, well inside the server's 60 s transaction timeout).
"""

from __future__ import annotations

import argparse
import logging
import time

from queries import db
from queries.sample_graph import synthetic_graph, write_sample_graph

log = logging.getLogger("bench.generate_graph")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--organisations", type=int, default=50_000)
    ap.add_argument("--links", type=int, default=500_000)
    ap.add_argument("--keep", action="store_true", help="do not clear the database first")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("neo4j").setLevel(logging.WARNING)
    t0 = time.perf_counter()
    if not args.keep:
        db.clear_database()
    db.apply_schema()
    n_progs = max(10, args.organisations // 500)
    graph = synthetic_graph(args.organisations, n_progs, n_links=args.links, hub_exponent=0.8)
    log.info("generated in %.1f s; writing", time.perf_counter() - t0)
    # generated links are distinct and the database was cleared: CREATE, no lookup per row
    write_sample_graph(graph, batch_size=10_000, links_are_new=not args.keep)
    log.info("done in %.1f s: %s", time.perf_counter() - t0, db.counts())
    db.close_driver()


if __name__ == "__main__":
    main()
