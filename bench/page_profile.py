"""Where a GraphQL answer's CPU goes: one query executed in-process, timed and profiled.

Usage (NEO4J_URI pointing at a graph of bench/generate_graph.py):
    python bench/page_profile.py [--kind page] [--requests 200] [--profile 25]

Runs the query of ``bench/api_bench.py`` through the app's schema and context (the same
executor, DataLoaders, combined reads and limits as over HTTP, without uvicorn) for random
organisations, one request at a time, with the fast execution of ``graph_api.execution`` and
with graphql-core alone (alternating, same variables; the answers must be identical), and
prints the median CPU per request of each, split into execution and JSON encoding; with
``--profile N`` the cProfile functions that took the most time, cumulative and own, so
BENCHMARKS.md can say where a request's time goes.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import json
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_bench import ALL, organisation_ids, variables_for  # noqa: E402
from measure import machine  # noqa: E402

from graph_api.context import ApiContext  # noqa: E402
from graph_api.schema import build_schema  # noqa: E402
from queries.settings import get_settings  # noqa: E402

SCHEMAS = {"fast": build_schema(), "graphql-core": build_schema(fast_execution=False)}


async def one(
    query: str, variables: dict[str, object], executor: str = "fast"
) -> tuple[float, float, str]:
    """CPU seconds of executing and of encoding one request; the answer."""
    schema = SCHEMAS[executor]
    ctx = ApiContext(get_settings(), authorized=False)
    c0 = time.process_time()
    result = await schema.execute(query, variable_values=variables, context_value=ctx)
    c1 = time.process_time()
    if result.errors:
        raise SystemExit(f"Fehler in der Antwort: {result.errors[0].message}")
    body = json.dumps({"data": result.data})
    c2 = time.process_time()
    ctx.close()
    return c1 - c0, c2 - c1, body


async def run(kind: str, n: int, profile: int, executor: str) -> None:
    ids = organisation_ids()
    make = variables_for(kind, ids)
    rng = random.Random(0)
    for _ in range(20):  # warm-up: parser and validation caches, the connection pool
        for name in SCHEMAS:
            await one(ALL[kind], make(rng), name)
    gc.freeze()  # as the app does after start-up (graph_api.app)
    ex: dict[str, list[float]] = {name: [] for name in SCHEMAS}
    enc: dict[str, list[float]] = {name: [] for name in SCHEMAS}
    size = 0
    for _ in range(n):  # alternating, so both see the same load
        variables = make(rng)
        answers = set()
        for name in SCHEMAS:
            e, j, body = await one(ALL[kind], variables, name)
            ex[name].append(e)
            enc[name].append(j)
            answers.add(body)
            size = len(body)
        if len(answers) != 1:
            raise SystemExit(f"Fehler: die Ausführungen antworten verschieden auf {variables}")
    print(f"{kind}: {n} requests each, answers identical, ~{size} bytes; {machine()}")
    for name in SCHEMAS:
        print(
            f"  {name:12s} median CPU {1000 * statistics.median(ex[name]):.1f} ms executing "
            f"+ {1000 * statistics.median(enc[name]):.1f} ms JSON"
        )
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(profile):
            await one(ALL[kind], make(rng), executor)
        prof.disable()
        stats = pstats.Stats(prof)
        print(by_package(stats, profile))
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats(order).print_stats(25)
            print(out.getvalue())


PACKAGES = (
    ("graphql-core executor", "/graphql/"),
    ("Strawberry", "/strawberry/"),
    ("Neo4j driver", "/neo4j/"),
    ("asyncio event loop", "/asyncio/"),
    ("our GraphQL types and execution (graph_api)", "/graph_api/"),
    ("our reads and row shaping (queries)", "/queries/"),
    ("JSON", "/json/"),
)


def by_package(stats: pstats.Stats, requests: int) -> str:
    """Own time per package, in ms per request (profiled, so ~2-3x the real time)."""
    own: dict[str, float] = {}
    for (path, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        name = next((n for n, part in PACKAGES if part in path), "other (C calls, epoll wait)")
        own[name] = own.get(name, 0.0) + tottime
    total = sum(own.values())
    lines = [f"own time per request by package (profiled; total {1000 * total / requests:.1f} ms):"]
    for name, t in sorted(own.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {name:45s} {1000 * t / requests:6.1f} ms  {100 * t / total:4.0f} %")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", default="page", choices=sorted(ALL))
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--profile", type=int, default=0, help="profile this many more requests")
    ap.add_argument("--executor", default="fast", choices=sorted(SCHEMAS), help="to profile")
    args = ap.parse_args()
    asyncio.run(run(args.kind, args.requests, args.profile, args.executor))


if __name__ == "__main__":
    main()
