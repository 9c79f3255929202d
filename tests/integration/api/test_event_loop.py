"""The event loop never blocks: /health answers within 100 ms while abuse or heavy work runs.

Each case starts the request in a thread, again and again, while this thread polls /health;
every single answer must come within 100 ms. It is a correctness check for "nothing stalls
the loop" (a refused bomb, a body being refused, an analysis in a worker thread), not a
benchmark: the bound is per request, the count generous. When it is missed, /health is timed
once more with nothing else running; if it misses the bound then too, the machine's other
load decides the figure and the case is skipped with both numbers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import httpx
import pytest

from queries import db
from queries.settings import Settings
from tests.conftest import LiveServer

from .abuse import (
    HUGE,
    HealthProbe,
    aliased_nested_measures,
    fragment_bomb,
    nested_measures,
    raw_post,
)

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


def _health_while(live_app: LiveServer, request: Request, busiest: str) -> tuple[list[float], int]:
    """/health times while ``request`` runs in a loop in another thread; and its count."""
    stop = threading.Event()
    done = [0]
    failures: list[BaseException] = []

    def hammer() -> None:
        with httpx.Client(base_url=live_app.url, timeout=60) as client:
            while not stop.is_set():
                try:
                    request(client, live_app.port, busiest)
                except BaseException as exc:  # reported by the test, not lost in the thread
                    failures.append(exc)
                    return
                done[0] += 1
                time.sleep(0.01)  # one request after another, not a flood

    times: list[float] = []
    probe = HealthProbe(live_app.port)
    try:
        probe()
        worker = threading.Thread(target=hammer, daemon=True)
        worker.start()
        time.sleep(0.05)
        end = time.perf_counter() + POLL_SECONDS
        while time.perf_counter() < end or done[0] == 0:
            status, seconds = probe()
            assert status == 200
            times.append(seconds)
            time.sleep(0.01)
            if failures:
                break
    finally:
        stop.set()
        probe.close()
    worker.join(timeout=120)
    assert not failures, failures
    return times, done[0]


def _idle(c: httpx.Client, port: int, busiest: str) -> object:
    return time.sleep(0.05)


def _judge(live_app: LiveServer, case: str, times: list[float]) -> None:
    """Fail if /health was slow during ``case``, unless it is as slow with nothing running:
    then the machine (other processes on its two cores) is too loaded to judge, and the test
    says so as a skip with both figures instead of failing on someone else's load."""
    if max(times) < BOUND:
        return
    idle, _ = _health_while(live_app, _idle, "")
    during = f"/health max {max(times) * 1000:.1f} ms during {case}"
    if max(idle) >= BOUND:
        pytest.skip(f"machine too loaded to judge: {during}, {max(idle) * 1000:.1f} ms idle")
    pytest.fail(f"{during} (idle: {max(idle) * 1000:.1f} ms)")


@pytest.mark.parametrize("case", list(ABUSE))
def test_health_during_abuse(live_app: LiveServer, case: str) -> None:
    times, count = _health_while(live_app, ABUSE[case], "stadt-koeln")
    assert count >= 1 and len(times) >= 50
    _judge(live_app, case, times)


@pytest.mark.parametrize("case", list(HEAVY))
def test_health_during_heavy_work(corpus_graph: Settings, live_app: LiveServer, case: str) -> None:
    busiest = db.read(
        """MATCH (o:Organisation) WITH o, COUNT { (o)--() } AS n
           RETURN o.id AS id ORDER BY n DESC, id LIMIT 1""",
        corpus_graph,
    )[0]["id"]
    times, count = _health_while(live_app, HEAVY[case], busiest)
    assert count >= 1 and len(times) >= 50
    _judge(live_app, case, times)
