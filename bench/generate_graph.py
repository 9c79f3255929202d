"""Write a synthetic graph of the project's shape into Neo4j (for the API benchmark).

Usage: python bench/generate_graph.py --organisations 50000 --links 500000 [--keep]

Organisations get power-law-ish degrees (a few hubs, many small partners), programmes,
measures and documents, written through ``queries.sample_graph`` in UNWIND batches.
It clears the database first unless --keep is given: point NEO4J_URI at a scratch instance.
50k organisations / 500k links take about 6 minutes on 2 shared cores (links are CREATEd in
10k-row batches, ~4 s each, well inside the server's 60 s transaction timeout).
"""

from __future__ import annotations

import argparse
import logging
import random
import time

from queries import db
from queries.sample_graph import SampleGraph, link_row, write_sample_graph
from queries.schema import CATEGORIES
from queries.statements import statement

log = logging.getLogger("bench.generate_graph")
TYPES = ["Kommune", "Verein", "Wohlfahrtsverband", "Jobcenter", "Unternehmen", "Schule",
         "Hochschule", "Polizei", "Kreis", "Stiftung"]
CITIES = ["Köln", "Düsseldorf", "Duisburg", "Essen", "Münster", "Bielefeld", "Bonn", "Aachen"]


def synthetic(n_orgs: int, n_links: int, *, seed: int = 0) -> SampleGraph:
    rng = random.Random(seed)
    orgs = [f"org-{i:06d}" for i in range(n_orgs)]
    n_progs = max(10, n_orgs // 500)
    progs = [f"prog-{i:04d}" for i in range(n_progs)]
    docs = [f"doc-{i:04d}.pdf" for i in range(max(10, n_orgs // 100))]
    cum, total = [], 0.0
    for i in range(n_orgs):  # hubs first: weight 1/(i+1)^0.8
        total += 1.0 / (1 + i) ** 0.8
        cum.append(total)
    g = SampleGraph(
        organisations=[{"id": o, "name": f"{TYPES[i % 10]} {CITIES[i % 8]} {i}",
                        "type": TYPES[i % 10], "aliases": [f"Alias {i}"]}
                       for i, o in enumerate(orgs)],
        programmes=[{"id": p, "name": f"Programm {i}", "kind": "Netzwerk", "aliases": []}
                    for i, p in enumerate(progs)],
        documents=[{"id": d, "title": f"Bericht {d}"} for d in docs],
    )
    seen: set[tuple[str, str, str]] = set()
    n_prog_links = n_links // 5
    while len(seen) < n_links - n_prog_links:
        for a in rng.choices(orgs, cum_weights=cum, k=50_000):
            b = rng.choice(orgs)
            if a != b and len(seen) < n_links - n_prog_links:
                seen.add((min(a, b), max(a, b), "COOPERATES_WITH"))
    while len(seen) < n_links:
        seen.add((rng.choice(orgs), rng.choice(progs), "PARTICIPATES_IN"))
    for a, b, t in seen:
        d = rng.choice(docs)
        g.links.append(link_row(a, b, t, [(d, rng.randint(1, 500), -1, f"{a} und {b}")]))
    for i, o in enumerate(orgs):
        for k in range(2):
            g.measures.append({"id": f"m-{i}-{k}", "org_id": o, "title": f"Maßnahme {i}/{k}",
                               "type": None, "category": rng.choice(list(CATEGORIES)),
                               "year": rng.randint(2015, 2024), "doc": rng.choice(docs),
                               "line": rng.randint(1, 500), "page": -1, "quote": "..."})
    return g


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
        db.auto_commit(statement("api_sample_delete_links"))
        db.clear_database()
    db.apply_schema()
    graph = synthetic(args.organisations, args.links)
    log.info("generated in %.1f s; writing", time.perf_counter() - t0)
    # generated links are distinct and the database was cleared: CREATE, no lookup per row
    write_sample_graph(graph, batch_size=10_000, links_are_new=not args.keep)
    log.info("done in %.1f s: %s", time.perf_counter() - t0, db.counts())
    db.close_driver()


if __name__ == "__main__":
    main()
