"""Extraction as the text grows and as cores are added: time and peak memory.

Usage: python bench/extract_scale.py [--times 1,3,10] [--workers 1,2] [--json F]

The corpus (``../shared/corpus``) is copied N times under new file names into a temporary
folder (N x the text: the same per-document work, and resolution across N x the
documents), then ``loaders.parallel.extract_paths_parallel`` runs on it in a fresh Python
process per measurement with 1, 2, ... workers. Reported per run: wall seconds, lines per
second, CPU seconds of all processes, the peak resident memory of the main process and
of the largest worker (``ru_maxrss``), and the load average (the machine is shared).
Results are appended to bench/results/extract_scale.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import append_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
log = logging.getLogger("bench.extract_scale")

_CHILD = """
import json, resource, sys, time
from loaders.parallel import extract_paths_parallel
from loaders.reference import load_reference
load_reference()
t = time.perf_counter()
out = extract_paths_parallel([sys.argv[1]], workers=int(sys.argv[2]))
wall = time.perf_counter() - t
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "documents": len(out),
  "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
  "rss_main_mb": me.ru_maxrss / 1024, "rss_worker_mb": kids.ru_maxrss / 1024}))
"""


def copies(folder: Path, times: int) -> int:
    """``times`` copies of the corpus in ``folder``; returns the number of lines."""
    lines = 0
    for i in range(times):
        for f in sorted(CORPUS.iterdir()):
            if f.is_file():
                target = folder / f"{i:03d}_{f.name}"
                shutil.copyfile(f, target)
                lines += f.read_text(encoding="utf-8", errors="replace").count("\n")
    return lines


def run(folder: Path, workers: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), str(workers)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--times", default="1,3,10", help="corpus copies, comma-separated")
    ap.add_argument("--workers", default="1,2", help="worker processes, comma-separated")
    ap.add_argument("--json", type=Path, help="keep the rows for bench/plots.py")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    rows = []
    for times in (int(x) for x in args.times.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            lines = copies(Path(tmp), times)
            for workers in (int(x) for x in args.workers.split(",")):
                r = run(Path(tmp), workers)
                r.update(times=times, lines=lines, workers=workers, load=os.getloadavg()[0])
                rows.append(r)
                log.info(
                    "%3dx corpus (%d lines) workers %d: %.1f s, %.0f lines/s, "
                    "peak RSS main %.0f MB, worker %.0f MB, load %.1f",
                    times,
                    lines,
                    workers,
                    r["wall"],
                    lines / r["wall"],
                    r["rss_main_mb"],
                    r["rss_worker_mb"],
                    r["load"],
                )
    base = {r["times"]: r["wall"] for r in rows if r["workers"] == 1}
    table = [
        "| corpus | lines | documents | workers | s | CPU s | lines/s | speed-up vs 1 worker "
        "| peak RSS main MB | peak RSS worker MB | load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        speed = base[r["times"]] / r["wall"] if r["times"] in base else float("nan")
        table.append(
            f"| {r['times']}x | {r['lines']:,} | {r['documents']} | {r['workers']} | "
            f"{r['wall']:.1f} | {r['cpu']:.1f} | {r['lines'] / r['wall']:,.0f} | {speed:.2f} | "
            f"{r['rss_main_mb']:.0f} | {r['rss_worker_mb']:.0f} | {r['load']:.1f} |"
        )
    command = "python bench/extract_scale.py " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    path = append_result("extract_scale", "Extraction vs text size and cores", command, table)
    print("\n".join(table))
    print(f"-> {path}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
