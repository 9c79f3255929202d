"""Time the extraction of the whole corpus (median of N runs); target < 3 s.

usage: python bench/bench_extract.py [--runs N] [PATH ...]   (default: ../shared/corpus)

Prints wall and CPU seconds (median, and the first run apart: it fills the per-process
caches) with the load average, since the machine may be shared: compare CPU seconds, or
wall seconds of quiet runs. Another checkout is timed with ``PYTHONPATH=<its root>``.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import time
from pathlib import Path

from loaders.extract import extract_paths
from loaders.reference import load_reference

__all__ = ["time_extraction", "main"]

log = logging.getLogger("bench.extract")
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
TARGET_SECONDS = 3.0


def time_extraction(paths: list[Path], runs: int = 5) -> list[tuple[float, float]]:
    """(wall, CPU) seconds per full extraction of ``paths`` (reference data loaded once
    beforehand)."""
    load_reference()
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        extract_paths(paths)
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_CORPUS])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("loaders").setLevel(logging.WARNING)
    times = time_extraction(args.paths, args.runs)
    wall = [w for w, _ in times]
    cpu = [c for _, c in times]
    median = statistics.median(wall)
    log.info(
        "extract corpus (%s): median %.3f s wall, %.3f s CPU over %d runs (wall min %.3f, "
        "max %.3f; first run %.3f wall, %.3f CPU), load average %s, target < %.1f s",
        Path(extract_paths.__code__.co_filename).parents[1],
        median,
        statistics.median(cpu),
        len(times),
        min(wall),
        max(wall),
        wall[0],
        cpu[0],
        " ".join(f"{x:.1f}" for x in os.getloadavg()),
        TARGET_SECONDS,
    )
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
