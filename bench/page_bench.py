"""Benchmark: how long a 2,000-node network page takes to settle in headless Chromium.

Writes a synthetic clustered network into the configured Neo4j (it CLEARS the database:
pass --reset to agree), serves the app in-process, and measures, per scenario, the time from
navigation start to the page's ready mark (``window.vizReadyAt``: the
'stabilizationIterationsDone' event, or the first drawing when positions were precomputed
by the server), so the server's time is included. Median of several runs, a fresh browser
context each. "erster Aufruf" empties the server's page, layout and grouping caches before
every run (the first visit after a load or change); "wiederholt" keeps them (the graph is
unchanged, so the page comes from the cache after one Neo4j read).

    NEO4J_URI=... .venv/bin/python bench/page_bench.py --reset --nodes 2000 --runs 5
"""

from __future__ import annotations

import argparse
import logging
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph_api.render import network_payload  # noqa: E402
from graph_api.render_pages import render_page  # noqa: E402
from queries import db  # noqa: E402
from queries.network import whole_network  # noqa: E402
from queries.settings import get_settings  # noqa: E402
from tests.browser.chromium import ARGS, CHROMIUM  # noqa: E402
from tests.conftest import LiveServer  # noqa: E402
from tests.graphs import synthetic_graph, write_graph  # noqa: E402


def measure(browser, url: str, runs: int, before=None) -> tuple[list[float], str, int]:
    times, how, nodes = [], "", 0
    for _ in range(runs):
        if before is not None:
            before()
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(url, timeout=120_000)
        page.wait_for_selector('#network[data-ready="1"]', state="attached", timeout=120_000)
        times.append(page.evaluate("window.vizReadyAt") / 1000.0)
        how = page.evaluate("document.getElementById('network').dataset.readyHow")
        nodes = page.evaluate("window.viz.nodes.length")
        context.close()
    return times, how, nodes


def server_seconds(url: str, runs: int, before=None) -> float:
    """Median time of the server's answer alone (over HTTP, no browser)."""
    import httpx

    times = []
    for _ in range(runs):
        if before is not None:
            before()
        t0 = time.perf_counter()
        httpx.get(url, timeout=120).raise_for_status()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def load_average() -> str:
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main() -> None:
    from graph_api.render_pages import clear_caches

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--physics-runs", type=int, default=3, help="0 skips the comparison")
    parser.add_argument("--reset", action="store_true", help="allow clearing the database")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "pages.md")
    args = parser.parse_args()
    if not args.reset:
        parser.error("this benchmark clears the configured Neo4j; pass --reset to agree")
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    settings = get_settings()
    db.clear_database(settings)
    db.apply_schema(settings)
    n_progs = 20
    t0 = time.perf_counter()
    write_graph(synthetic_graph(args.nodes - n_progs, n_progs), settings)
    print(f"graph written in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    net = whole_network(settings)
    load_before = load_average()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, LiveServer() as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        url = f"{server.url}/netzwerk"
        server_seconds(url, 1)  # warm up the driver and Neo4j's page cache
        # 1. every node drawn (aggregation off): server-side layout, first and repeat visit
        settings.viz_aggregate_above = 10 * args.nodes
        for name, before in (("erster Aufruf", clear_caches), ("wiederholt", None)):
            srv = server_seconds(url, args.runs, before)
            times, how, n = measure(browser, url, args.runs, before)
            rows.append((f"/netzwerk, alle Knoten, {name}", n, how, times, srv))
        # 2. the default: aggregated above VIZ_AGGREGATE_ABOVE, by community and by programme
        settings.viz_aggregate_above = 1500
        for by, label in (("gemeinschaft", "Gemeinschaft"), ("programm", "Programm")):
            for name, before in (("erster Aufruf", clear_caches), ("wiederholt", None)):
                srv = server_seconds(f"{url}?nach={by}", args.runs, before)
                times, how, n = measure(browser, f"{url}?nach={by}", args.runs, before)
                rows.append((f"/netzwerk, gruppiert nach {label}, {name}", n, how, times, srv))
        # 3. for comparison: the same network with browser physics only (no positions)
        if args.physics_runs:
            html = render_page(
                "standalone.html",
                payload=network_payload(net, urls=False, layout=False),
                inline=True,
                title="bench",
                subtitle="",
                net=net,
            )
            path = Path(tmp) / "physics.html"
            path.write_text(html, encoding="utf-8")
            times, how, n = measure(browser, path.as_uri(), args.physics_runs)
            rows.append(("Datei, nur Browser-Physik (Vergleich)", n, how, times, None))
        browser.close()
    lines = [
        "# Network page benchmark",
        "",
        f"- date: {date.today().isoformat()}",
        f"- machine: {platform.machine()}, 2 cores, 24 GiB RAM, {platform.system()} "
        f"{platform.release()}; Chromium headless (Debian), Python {platform.python_version()}",
        f"- load average (1/5/15 min) before / after: {load_before}; {load_average()} "
        "(a shared machine: other work ran at the same time)",
        f"- graph: {len(net.nodes)} nodes, {len(net.links)} links (synthetic, clustered; "
        "`tests.graphs.synthetic_graph`, written by `loaders.load.bulk`)",
        f"- runs: {args.runs} per scenario ({args.physics_runs} for browser physics), fresh "
        "browser context each; time = navigation start to `window.vizReadyAt` "
        "('stabilizationIterationsDone', or first drawing when the server precomputed "
        "positions), server time included. Target: < 5 s.",
        "- server s: median time of the HTTP answer alone (no browser).",
        "",
        "| scenario | nodes drawn | ready by | median s | min s | max s | server s |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, n, how, times, server_s in rows:
        srv = f"{server_s:.2f}" if server_s is not None else ""
        lines.append(
            f"| {name} | {n} | {how} | {statistics.median(times):.2f} | "
            f"{min(times):.2f} | {max(times):.2f} | {srv} |"
        )
    lines.append("")
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
