"""The event loop never blocks: /health answers within 100 ms while abuse or heavy work runs.

An accepted answer as large as the limits allow is built in an execution thread
(``graph_api.execution_threads``); its test bounds the median and the maximum of /health
instead (it held the loop for 0.7 s at a time before).

Each case sends its request again and again from a client process while this test polls /health;
every single answer must come within 100 ms. It is a correctness check for "nothing stalls
the loop" (a refused bomb, a body being refused, an analysis in a worker thread), not a
benchmark: the bound is per request, the count generous. When it is missed, /health is timed
once more with nothing else running; if it misses the bound then too, the machine's other
load decides the figure and the case is skipped with both numbers.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from queries import db
from queries.settings import REPO_ROOT, Settings
from tests.conftest import LiveServer

from .abuse import (
    HUGE,
    HealthProbe,
    aliased_nested_measures,
    fragment_bomb,
    large_accepted_answer,
    nested_measures,
    raw_post,
    settle_heap,
)
from .conftest import GQL, error_text

pytestmark = pytest.mark.integration

BOUND = 0.100
POLL_SECONDS = 2.0

Request = Callable[[httpx.Client, int, str], object]


def _gql(query: str, **variables: object) -> Request:
    return lambda c, port, busiest: c.post(
        "/graphql", json={"query": query, "variables": {**variables, "id": busiest}}
    )


def _huge_body(c: httpx.Client, port: int, busiest: str) -> object:
    return raw_post(port, f"Content-Length: {HUGE}\r\n".encode(), [b"{" + b" " * 65536] * 160)


ABUSE: dict[str, Request] = {
    "fragment-bomb-29": _gql(fragment_bomb(29)),
    "nested-measures": _gql(nested_measures()),
    "nested-measures-aliased": _gql(aliased_nested_measures()),
    "body-10MB": _huge_body,
    "search-1MB": _gql("query($t: String!) { search(text: $t) { id } }", t="köln " * 200_000),
}
HEAVY: dict[str, Request] = {
    "synergies": _gql("query($id: ID!) { synergies(id: $id, first: 100) { targetId score } }"),
    "ego-network-3": _gql(
        "query($id: ID!) { egoNetwork(id: $id, depth: 3) { nodes { id } edges { type } } }"
    ),
    "page-organisation-3": lambda c, port, busiest: c.get(f"/organisation/{busiest}?tiefe=3"),
    "page-netzwerk": lambda c, port, busiest: c.get("/netzwerk"),
}


_HAMMER = """
import sys, time, httpx
from tests.integration.api.test_event_loop import CASES
url, port, case, busiest, stop_file = sys.argv[1:]
request = CASES[case]
done = 0
with httpx.Client(base_url=url, timeout=60) as client:
    while True:
        request(client, int(port), busiest)
        done += 1
        print(done, flush=True)
        try:
            open(stop_file).close()
            break
        except OSError:
            time.sleep(0.01)  # one request after another, not a flood
"""


def _health_while(
    live_app: LiveServer, case: str, busiest: str, seconds: float = POLL_SECONDS
) -> tuple[list[float], int]:
    """/health times while ``case`` is sent again and again; and how many were sent.

    The requests come from a process of their own, as real clients do: a client thread in
    this process would compete with the app for the interpreter lock."""
    settle_heap()
    stop_file = Path(tempfile.mkdtemp()) / "stop"
    hammer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _HAMMER,
            live_app.url,
            str(live_app.port),
            case,
            busiest,
            str(stop_file),
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    times: list[float] = []
    probe = HealthProbe(live_app.port)
    try:
        assert hammer.stdout is not None
        hammer.stdout.readline()  # the first request has been answered: it is running
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            status, seconds = probe()
            assert status == 200
            times.append(seconds)
            time.sleep(0.01)
    finally:
        stop_file.touch()
        probe.close()
    out, _ = hammer.communicate(timeout=120)
    assert hammer.returncode == 0, f"{case}: the requests failed"
    lines = out.split()
    return times, int(lines[-1]) if lines else 1


def _idle(c: httpx.Client, port: int, busiest: str) -> object:
    return time.sleep(0.05)


LARGE: dict[str, Request] = {"large-accepted": _gql(large_accepted_answer())}
CASES: dict[str, Request] = {**ABUSE, **HEAVY, **LARGE, "idle": _idle}


def _judge(live_app: LiveServer, case: str, times: list[float], target: str) -> None:
    """Fail if /health was slow during ``case`` twice in a row (one slow probe can be a
    neighbour's burst on the two cores: the case is measured once more), unless it is as
    slow with nothing running: then the machine is too loaded to judge, and the test says so
    as a skip with both figures instead of failing on someone else's load."""
    if max(times) < BOUND:
        return
    again, _ = _health_while(live_app, case, target)
    if max(again) < BOUND:
        return
    times = again
    idle, _ = _health_while(live_app, "idle", "")
    during = f"/health max {max(times) * 1000:.1f} ms during {case} (twice)"
    if max(idle) >= BOUND:
        pytest.skip(f"machine too loaded to judge: {during}, {max(idle) * 1000:.1f} ms idle")
    pytest.fail(f"{during} (idle: {max(idle) * 1000:.1f} ms)")


@pytest.mark.parametrize("case", list(ABUSE))
def test_health_during_abuse(live_app: LiveServer, case: str) -> None:
    times, count = _health_while(live_app, case, "stadt-koeln")
    assert count >= 1 and len(times) >= 50
    _judge(live_app, case, times, "stadt-koeln")


@pytest.mark.parametrize("case", list(HEAVY))
def test_health_during_heavy_work(corpus_graph: Settings, live_app: LiveServer, case: str) -> None:
    busiest = db.read(
        """MATCH (o:Organisation) WITH o, COUNT { (o)--() } AS n
           RETURN o.id AS id ORDER BY n DESC, id LIMIT 1""",
        corpus_graph,
    )[0]["id"]
    times, count = _health_while(live_app, case, busiest)
    assert count >= 1 and len(times) >= 50
    _judge(live_app, case, times, busiest)


LARGE_MEDIAN, LARGE_MAX = 0.100, 0.500


@pytest.mark.parametrize("case", list(LARGE))
def test_health_during_a_large_accepted_answer(
    corpus_graph: Settings, live_app: LiveServer, gql: GQL, case: str
) -> None:
    """The largest answer the limits accept is built off the app's event loop: /health's
    median stays under 100 ms and its maximum under 500 ms meanwhile. On the loop, the same
    request kept /health waiting 0.67 s at a time (2 cores, load average 0.3); a probe
    every 10 ms then has a median of ~2 ms but a maximum far above 500 ms."""
    body = gql(large_accepted_answer())
    assert "errors" not in body, error_text(body)
    assert len(body["data"]["a"]["edges"]) == len(body["data"]["b"]["edges"]) == 100
    times, count = _health_while(live_app, case, "", seconds=4.0)
    assert count >= 2 and len(times) >= 20  # the old code answered ~46 in 4 s
    median, slowest = statistics.median(times), max(times)
    if median < LARGE_MEDIAN and slowest < LARGE_MAX:
        return
    idle, _ = _health_while(live_app, "idle", "")
    during = f"/health median {median * 1000:.1f} ms, max {slowest * 1000:.1f} ms during {case}"
    idle_text = f"idle: median {statistics.median(idle) * 1000:.1f}, max {max(idle) * 1000:.1f} ms"
    if statistics.median(idle) >= LARGE_MEDIAN or max(idle) >= LARGE_MAX:
        pytest.skip(f"machine too loaded to judge: {during}, {idle_text}")
    pytest.fail(f"{during} ({idle_text})")
