"""How fast each abusive request of issue 11 is refused, and /health meanwhile.

Usage (the corpus loaded for the last case, ``vielfalt load ../shared/corpus``; the others
read nothing):
    python bench/abuse_bench.py [--repeat 100] [--repeat-large 20] [--before-src DIR]
                                [--out bench/results/abuse.md]

The app runs in a uvicorn child process (``bench/api_bench.py``'s ``serve``); with
``--before-src`` (an export of an older commit, e.g. ``git archive main | tar -x -C DIR``)
that version is measured too, in the same run, on the next port. Each request of
``tests/integration/api/abuse.py`` is sent ``--repeat`` times, one after another; the time
is the client's, from the first byte sent to the status line (GraphQL documents on one
keep-alive httpx connection; bodies on a plain socket that stops sending once answered).
The last case is not refused: the largest answer the limits accept
(``large_accepted_answer``: 8,574 list entries, 2.6 MB on the corpus), ``--repeat-large``
times. Meanwhile a probe thread asks /health every 10 ms on its own keep-alive socket; the
median and the slowest of its answers per case are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from api_bench import serve  # noqa: E402

from tests.integration.api.abuse import (  # noqa: E402
    HUGE,
    HealthProbe,
    aliased_nested_measures,
    fragment_bomb,
    large_accepted_answer,
    nested_measures,
    raw_post,
)


def _gql(client: httpx.Client, query: str, **variables: object) -> Callable[[], tuple[int, str]]:
    def send() -> tuple[int, str]:
        r = client.post("/graphql", json={"query": query, "variables": variables})
        if len(r.content) > 100_000:  # the large answer: do not parse megabytes here
            return r.status_code, "ok" if b'"errors"' not in r.content[:100] else "error"
        body = r.json()
        code = body["errors"][0]["extensions"].get("code", "") if body.get("errors") else "ok"
        return r.status_code, code

    return send


def _raw(port: int, body: bytes) -> Callable[[], tuple[int, str]]:
    """A body sent in 64 KB chunks on a plain socket, stopping when the server answers."""
    chunks = [body[i : i + 65536] for i in range(0, len(body), 65536)]
    head = f"Content-Length: {len(body)}\r\n".encode()
    return lambda: (raw_post(port, head, chunks)[0], "BODY_TOO_LARGE")


def cases(port: int, client: httpx.Client) -> dict[str, Callable[[], tuple[int, str]]]:
    search = json.dumps(
        {
            "query": "query($t: String!) { search(text: $t) { id } }",
            "variables": {"t": "köln " * 200_000},
        }
    ).encode()
    return {
        "fragment bomb k=29 (1.4 KB)": _gql(client, fragment_bomb(29)),
        "nested measures, 3 levels under first: 100": _gql(client, nested_measures()),
        "the same under two aliases": _gql(client, aliased_nested_measures()),
        "10 MB body": _raw(port, b"{" + b" " * (HUGE - 2) + b"}"),
        "1 MB search string (a 1.2 MB body)": _raw(port, search),
        LARGE: _gql(client, large_accepted_answer()),
    }


LARGE = "accepted large answer (8,574 list entries, 2.6 MB)"


def _poll(probe: HealthProbe, stop: threading.Event, health: list[float]) -> None:
    while not stop.is_set():
        health.append(probe()[1])
        time.sleep(0.01)


def measure(port: int, src: Path, repeat: int, repeat_large: int) -> list[Row]:
    """Every case against the app served from ``src``."""
    proc = serve("graph_api.app:create_app", port, src=src)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
    rows = []
    try:
        for name, send in cases(port, client).items():
            send()  # warm-up
            stop, health = threading.Event(), []
            probe = HealthProbe(port)
            poller = threading.Thread(target=_poll, args=(probe, stop, health), daemon=True)
            poller.start()
            times, answers = [], set()
            for _ in range(repeat_large if name == LARGE else repeat):
                t0 = time.perf_counter()
                answers.add(send())
                times.append(time.perf_counter() - t0)
            stop.set()
            poller.join()
            probe.close()
            rows.append((name, answers, times, health))
    finally:
        client.close()
        proc.terminate()
        proc.wait()
    return rows


Row = tuple[str, set[tuple[int, str]], list[float], list[float]]


def main() -> None:
    ap = argparse.ArgumentParser(description="refusal times of abusive requests")
    ap.add_argument("--repeat", type=int, default=100)
    ap.add_argument("--repeat-large", type=int, default=20)
    ap.add_argument("--port", type=int, default=8751)
    ap.add_argument("--before-src", type=Path, help="an older source tree, measured as well")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "abuse.md")
    args = ap.parse_args()
    sys.setswitchinterval(0.001)  # the probe thread shares this process with the sender
    load_before = os.getloadavg()
    versions = [("now", ROOT)] + ([("before", args.before_src)] if args.before_src else [])
    measured = [
        (label, measure(args.port + i, src, args.repeat, args.repeat_large))
        for i, (label, src) in enumerate(versions)
    ]
    lines = [
        "# Abusive requests (bench/abuse_bench.py)",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC; machine: "
        f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
        "one uvicorn worker in a child process",
        f"- load average before: {', '.join(f'{x:.2f}' for x in load_before)}; after: "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- each request {args.repeat} times ({args.repeat_large} for the accepted large "
        "answer) after one warm-up; /health probed every 10 ms",
        "",
        "| version | request | answer | median ms | max ms | /health probes "
        "| /health median ms | /health max ms |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for label, rows in measured:
        for name, answers, times, probes in rows:
            health = probes or [0.0]
            shown = ", ".join(f"{s} {c}" for s, c in sorted(answers))
            lines.append(
                f"| {label} | {name} | {shown} | {1000 * statistics.median(times):.1f} | "
                f"{1000 * max(times):.1f} | {len(probes)} | "
                f"{1000 * statistics.median(health):.1f} | {1000 * max(health):.1f} |"
            )
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
