"""Cost curves as PNGs in bench/results/, from the JSON rows the benchmarks keep.

Usage: python bench/plots.py [--results bench/results]

Each plot carries the machine, the date and the command that produced its data
(``bench/run_all.py``). Missing JSON files are skipped.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def _load(path: Path) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text())) if path.exists() else []


def _save(fig: Any, ax: Any, path: Path, title: str, note: str) -> None:
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.text(0.01, 0.01, note, fontsize=6, alpha=0.8)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_load(rows: list[dict[str, Any]], out: Path, note: str) -> None:
    series: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    for r in rows:
        if not r["size"] or "second" in r["method"]:
            continue
        if r["links"] < r["size"]:  # measured on the first links: extrapolated to the size
            name = f"{r['method']} (extrapolated from {r['links']:,} links)"
            series[name].append((r["size"], r["size"] / r["links_per_s"], r["load"]))
        else:
            series[f"{r['method']} ({r['config']})"].append((r["size"], r["wall"], r["load"]))
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for name, pts in sorted(series.items()):
        pts.sort()
        style = "--" if "extrapolated" in name else "-"
        ax.plot([p[0] for p in pts], [p[1] for p in pts], style, marker="o", label=name)
        if "generate_graph" in name:  # separate runs: the machine's load explains the spread
            for x, y, load in pts:
                ax.annotate(f"load {load:.0f}", (x, y), fontsize=6, xytext=(3, -9),
                            textcoords="offset points")  # fmt: skip
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("links in the graph")
    ax.set_ylabel("seconds to load")
    _save(fig, ax, out, "Load time vs graph size", note)


def plot_extract(rows: list[dict[str, Any]], out: Path, note: str) -> None:
    fig, (ax, mem) = plt.subplots(1, 2, figsize=(10, 4.5))
    by: dict[int, list[tuple[int, float, float]]] = defaultdict(list)
    for r in rows:
        peak = max(r["rss_main_mb"], r["rss_worker_mb"])
        by[r["workers"]].append((r["lines"], r["wall"], peak))
    for w, pts in sorted(by.items()):
        pts.sort()
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=f"{w} worker(s)")
        mem.plot([p[0] for p in pts], [p[2] for p in pts], marker="o", label=f"{w} worker(s)")
    ax.set_xlabel("lines of text")
    ax.set_ylabel("seconds")
    mem.set_xlabel("lines of text")
    mem.set_ylabel("peak RSS of one process, MB")
    mem.grid(True, alpha=0.3)
    mem.legend(fontsize=8)
    mem.set_title("Peak memory of extraction")
    _save(fig, ax, out, "Extraction time vs text size", note)


def plot_api(rows: list[dict[str, Any]], out: Path, note: str) -> None:
    """p50/p95 at one client, p95 at ten (with graphql-core's executor alone beside the
    fast one), and the API's peak memory under that load, each against the graph size."""
    fig, (ax, ten, mem) = plt.subplots(1, 3, figsize=(15, 4.8))
    series: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    at_ten: dict[str, list[tuple[int, float]]] = defaultdict(list)
    peaks: dict[str, dict[int, float]] = defaultdict(dict)
    for r in rows:
        if r["mode"] == "batched" and r["clients"] == 1:
            series[r["kind"]].append((r["links"], r["p50"], r["p95"]))
        if r["clients"] == 10 and r["mode"] in ("batched", "core", "before"):
            extra = {"core": " (graphql-core alone)", "before": " (code before)"}
            name = r["kind"] + extra.get(r["mode"], "")
            at_ten[name].append((r["links"], r["p95"]))
        if r.get("peak_rss_mb"):
            peaks[r["mode"]][r["links"]] = r["peak_rss_mb"]
    for kind, pts in sorted(series.items()):
        pts.sort()
        (line,) = ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=f"{kind} p50")
        ax.plot(
            [p[0] for p in pts],
            [p[2] for p in pts],
            marker="x",
            linestyle="--",
            color=line.get_color(),
            label=f"{kind} p95",
        )
    for name, pts10 in sorted(at_ten.items()):
        pts10.sort()
        style = ":" if "(" in name else "-"
        ten.plot([p[0] for p in pts10], [p[1] for p in pts10], style, marker="o", label=name)
    for mode, by_size in sorted(peaks.items()):
        xs = sorted(by_size)
        mem.plot(xs, [by_size[x] for x in xs], marker="o", label=f"API process ({mode})")
    for a in (ax, ten, mem):
        a.set_xscale("log")
        a.set_xlabel("links in the graph")
    ax.set_yscale("log")
    ten.set_yscale("log")
    ax.set_ylabel("ms per request (1 client)")
    ten.set_ylabel("p95 ms at 10 clients")
    ten.axhline(100, color="grey", linewidth=0.8, linestyle="--")
    ten.set_title("p95 at 10 clients (line: page target 100 ms)")
    ten.grid(True, which="both", alpha=0.3)
    ten.legend(fontsize=7)
    mem.set_ylabel("peak RSS under load, MB")
    mem.set_title("Peak memory of the API")
    mem.grid(True, alpha=0.3)
    mem.legend(fontsize=7)
    _save(fig, ax, out, "GraphQL latency vs graph size", note)


def plot_analytics(rows: list[dict[str, Any]], out: Path, note: str) -> None:
    fig, ax = plt.subplots(figsize=(7, 4.5))
    series: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for r in rows:  # rows without "series": run_all's synthetic graph, in memory
        series[r.get("series", "centrality report")].append((r["edges"], r["seconds"]))
    for name, pts in sorted(series.items()):
        pts.sort()
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=name)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("edges")
    ax.set_ylabel("seconds")
    _save(fig, ax, out, "Analytics time vs graph size", note)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--results", type=Path, default=RESULTS)
    ap.add_argument("--note", default="", help="machine, date and command, printed on each plot")
    args = ap.parse_args(argv)
    r = args.results
    for name, fn in (
        ("load", plot_load),
        ("extract_scale", plot_extract),
        ("api_scale", plot_api),
        ("analytics_scale", plot_analytics),
    ):
        rows = _load(r / f"{name}.json")
        if rows:
            fn(rows, r / f"{name}.png", args.note)
            print(f"-> {r / f'{name}.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
