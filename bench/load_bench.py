"""Load throughput: the production writer against naive writes and Neo4j's LOAD CSV.

Usage:
    python bench/load_bench.py --links 20000,100000 [--tx 5000,20000] [--workers 1,2]
                               [--naive 500] [--csv] [--json bench/results/load.json]

For each size, the synthetic reports of :mod:`bench.synthetic` (generated first, not
timed) are written into an emptied graph by :func:`loaders.load.bulk.write_batches`, the path
of ``vielfalt load``, once per transaction size and number of workers, and then a second
time (everything unchanged: it must write nothing). In the same run, on the same data:

* ``writer, links only``: the same without mentions and measures (the data of the CSV);
* ``LOAD CSV``: entities and links as CSV files in the server's import directory,
  ``LOAD CSV ... CALL { MERGE ... } IN TRANSACTIONS OF 10000 ROWS``;
* ``naive``: the first ``--naive`` links each in its own transaction (merge_links, one row);
* ``per document``: ``write_batch`` for each report (the writer before the bulk path).

Before measuring, a small load of other data warms the server up (not reported).
Reported: wall seconds, links per second, CPU seconds of Neo4j and of this process, and
the 1-minute load average (the machine is shared). Results are appended to
bench/results/load.md and, with --json, kept for bench/plots.py.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import append_result, neo4j_pid, timed  # noqa: E402
from synthetic import Spec, batches  # noqa: E402

from loaders.load.batch import GraphBatch  # noqa: E402
from loaders.load.bulk import combine, write_batches  # noqa: E402
from loaders.load.writer import write_batch  # noqa: E402
from queries import db  # noqa: E402
from queries.settings import get_settings  # noqa: E402
from queries.statements import statement  # noqa: E402

log = logging.getLogger("bench.load")
Row = dict[str, Any]


def _fresh() -> None:
    db.clear_database()
    db.apply_schema()


def _row(size: int, method: str, config: str, links: int, t: Any) -> Row:
    row = {"size": size, "method": method, "config": config, "links": links, **asdict(t)}
    row["links_per_s"] = links / max(t.wall, 1e-9)
    log.info(
        "%7d %-22s %-18s %7d links %7.1f s %8.0f links/s  cpu neo4j %.1f client %.1f  load %.1f",
        size,
        method,
        config,
        links,
        t.wall,
        row["links_per_s"],
        t.neo4j_cpu,
        t.client_cpu,
        t.load,
    )
    return row


def bench_writer(
    size: int, data: list[GraphBatch], tx: int, workers: int, pid: int | None
) -> list[Row]:
    _fresh()
    n = sum(len(b.links) for b in data)
    config = f"tx {tx}, workers {workers}"
    with timed(pid) as first:
        write_batches(data, links_per_transaction=tx, workers=workers)
    with timed(pid) as second:
        again = write_batches(data, links_per_transaction=tx, workers=workers)
    assert all(r.skipped for r in again), "second load wrote something"
    return [
        _row(size, "writer", config, n, first),
        _row(size, "writer, second load", config, n, second),
    ]


def _links_only(data: list[GraphBatch]) -> list[GraphBatch]:
    return [replace(b, org_mentions=[], programme_mentions=[], measures=[]) for b in data]


def bench_csv(size: int, data: list[GraphBatch], pid: int | None) -> Row:
    """Entities and links through LOAD CSV from the server's import directory."""
    _fresh()
    folder = Path(get_settings().neo4j_home) / "import"
    folder.mkdir(parents=True, exist_ok=True)
    rows = combine(data)
    with (folder / "bench_entities.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["label", "id", "name", "type"])
        w.writerows(["Organisation", o["id"], o["name"], o["type"]] for o in rows.organisations)
        w.writerows(["Programme", p["id"], p["name"], p["kind"]] for p in rows.programmes)
    with (folder / "bench_links.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        cols = ["source_label", "source_id", "type", "target_label", "target_id"]
        w.writerow([*cols, "doc", "line", "page", "quote"])
        for r in rows.links:
            for i in range(len(r["docs"])):
                w.writerow(
                    [*(r[c] for c in cols), r["docs"][i], r["lines"][i], r["pages"][i]]
                    + [r["quotes"][i]]
                )
    with timed(pid) as t:
        db.auto_commit(statement("bench_csv_entities"), url="file:///bench_entities.csv")
        db.auto_commit(statement("bench_csv_links"), url="file:///bench_links.csv")
    return _row(size, "LOAD CSV", "10000 rows/tx", len(rows.links), t)


def bench_naive(size: int, data: list[GraphBatch], n: int, pid: int | None) -> list[Row]:
    """One link per transaction, and write_batch per document, on the first links."""
    _fresh()
    rows = combine(data)
    db.write(statement("merge_organisations"), rows=rows.organisations)
    db.write(statement("merge_programmes"), rows=rows.programmes)
    merge_links = statement("merge_links")
    with timed(pid) as t:
        for r in rows.links[:n]:
            db.write(merge_links, rows=[r])
    out = [_row(size, "naive: 1 link per tx", "merge_links", n, t)]
    _fresh()
    docs, links = [], 0
    for b in data:
        if links >= n * 4:
            break
        docs.append(b)
        links += len(b.links)
    with timed(pid) as t:
        for b in docs:
            write_batch(b)
    out.append(_row(size, "per document", f"{len(docs)} documents", links, t))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--links", default="20000", help="comma-separated sizes")
    ap.add_argument("--tx", default="20000", help="links per transaction, comma-separated")
    ap.add_argument("--workers", default="1", help="writer threads, comma-separated")
    ap.add_argument("--naive", type=int, default=0, help="links written one per transaction")
    ap.add_argument("--csv", action="store_true", help="compare with LOAD CSV")
    ap.add_argument("--json", type=Path, help="keep the rows for bench/plots.py")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("neo4j").setLevel(logging.WARNING)
    logging.getLogger("loaders").setLevel(logging.WARNING)
    pid = neo4j_pid()
    results: list[Row] = []
    # warm-up: the server compiles and JIT-optimises the statements (the first load of a
    # fresh server costs 2-3x more CPU than the next)
    warm = list(batches(Spec(links=10_000, seed=99)))
    bench_writer(0, warm, 5000, 1, pid)
    bench_csv(0, warm, pid)
    for size in (int(x) for x in args.links.split(",")):
        with timed() as gen:
            data = list(batches(Spec(links=size)))
        log.info("generated %d reports with %d links in %.1f s", len(data), size, gen.wall)
        for tx in (int(x) for x in args.tx.split(",")):
            for workers in (int(x) for x in args.workers.split(",")):
                results += bench_writer(size, data, tx, workers, pid)
        if args.csv:
            tx = int(args.tx.split(",")[0])
            _fresh()
            with timed(pid) as t:
                write_batches(_links_only(data), links_per_transaction=tx)
            results.append(_row(size, "writer, links only", f"tx {tx}, workers 1", size, t))
            results.append(bench_csv(size, data, pid))
        if args.naive:
            results += bench_naive(size, data, args.naive, pid)
    db.close_driver()
    table = [
        "| links | method | config | links written | s | links/s | Neo4j CPU s | client CPU s"
        " | load |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    table += [
        f"| {r['size']:,} | {r['method']} | {r['config']} | {r['links']:,} | {r['wall']:.1f} | "
        f"{r['links_per_s']:,.0f} | {r['neo4j_cpu']:.1f} | {r['client_cpu']:.1f} | "
        f"{r['load']:.1f} |"
        for r in results
    ]
    command = "python bench/load_bench.py " + " ".join(argv if argv is not None else sys.argv[1:])
    path = append_result("load", "Load throughput", command, table)
    print("\n".join(table))
    print(f"-> {path}")
    if args.json:
        old = json.loads(args.json.read_text()) if args.json.exists() else []
        args.json.write_text(json.dumps(old + results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
