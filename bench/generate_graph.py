"""Write a synthetic graph through the production writer (for the API and other benchmarks).

Usage: python bench/generate_graph.py --links 500000 [--links-per-org 10] [--keep]

The reports of :mod:`bench.synthetic` (seeded; realistic German organisations, programmes,
measures and typed links with their evidence sentences) are turned into the writer's rows
by ``loaders.load.batch.to_batch`` and written by ``loaders.load.bulk.write_batches``: the path of
``vielfalt load``, so the benchmark graph is exactly what loading such reports would give.
It clears the database first unless --keep is given: point NEO4J_URI at a scratch instance.
With --keep, a second run with the same arguments writes nothing (every report unchanged).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import Spec, batches  # noqa: E402

from loaders.load.bulk import LINKS_PER_TRANSACTION, write_batches  # noqa: E402
from queries import db  # noqa: E402

log = logging.getLogger("bench.generate_graph")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--links", type=int, default=500_000)
    ap.add_argument("--links-per-org", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tx", type=int, default=LINKS_PER_TRANSACTION, help="links per transaction")
    ap.add_argument("--workers", type=int, default=1, help="transactions at once")
    ap.add_argument("--keep", action="store_true", help="do not clear the database first")
    ap.add_argument("--json", type=Path, help="append the load time here (bench/plots.py)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("neo4j").setLevel(logging.WARNING)
    t0 = time.perf_counter()
    if not args.keep:
        db.clear_database()
    db.apply_schema()
    spec = Spec(links=args.links, seed=args.seed, links_per_org=args.links_per_org)
    done = 0

    def progress(result: object) -> None:
        nonlocal done
        done += 1
        if done % 500 == 0:
            log.info("%d reports written, %.0f s", done, time.perf_counter() - t0)

    results = write_batches(
        batches(spec), links_per_transaction=args.tx, workers=args.workers, progress=progress
    )
    secs = time.perf_counter() - t0
    written = sum(r.links for r in results)
    log.info(
        "%d reports, %d links written in %.1f s (%.0f links/s, generation included): %s",
        len(results),
        written,
        secs,
        written / secs,
        db.counts(),
    )
    if args.json:
        old = json.loads(args.json.read_text()) if args.json.exists() else []
        row = {
            "size": args.links,
            "method": "writer via generate_graph (generation included)",
            "config": f"tx {args.tx}, workers {args.workers}",
            "links": written,
            "wall": secs,
            "client_cpu": 0.0,
            "neo4j_cpu": 0.0,
            "load": os.getloadavg()[0],
            "links_per_s": written / secs,
        }
        args.json.write_text(json.dumps([*old, row], indent=1))
    db.close_driver()


if __name__ == "__main__":
    main()
