"""Time the extraction of the whole corpus (median of N runs); target < 3 s.

usage: python bench/bench_extract.py [--runs N] [PATH ...]   (default: ../shared/corpus)
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from pathlib import Path

from loaders.extract import extract_paths
from loaders.reference import load_reference

__all__ = ["time_extraction", "main"]

log = logging.getLogger("bench.extract")
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
TARGET_SECONDS = 3.0


def time_extraction(paths: list[Path], runs: int = 5) -> list[float]:
    """Seconds per full extraction of ``paths`` (reference data loaded once beforehand)."""
    load_reference()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        extract_paths(paths)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_CORPUS])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("loaders").setLevel(logging.WARNING)
    times = time_extraction(args.paths, args.runs)
    median = statistics.median(times)
    log.info(
        "extract corpus: median %.3f s over %d runs (min %.3f, max %.3f), target < %.1f s",
        median,
        len(times),
        min(times),
        max(times),
        TARGET_SECONDS,
    )
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
