"""The abusive requests of issue 11, built here, and a raw-socket client for huge bodies.

Shared by the limit tests, the event-loop test and ``bench/soak.py``-style scripts: each
builder returns the request as the report described it.
"""

from __future__ import annotations

import gc
import select
import socket
import time
from collections.abc import Iterable

__all__ = [
    "fragment_bomb",
    "nested_measures",
    "aliased_nested_measures",
    "large_accepted_answer",
    "raw_post",
    "HealthProbe",
    "HUGE",
    "settle_heap",
]

HUGE = 10 * 1024 * 1024  # the 10 MB body of the report


def fragment_bomb(k: int = 29) -> str:
    """k fragments, each spreading the previous one twice: 2^k fields once expanded."""
    frags = ["fragment F1 on Organisation { id name }"]
    for i in range(2, k + 1):
        frags.append(f"fragment F{i} on Organisation {{ ...F{i - 1} ...F{i - 1} }}")
    return f'{{ organisation(id: "stadt-koeln") {{ ...F{k} }} }}\n' + "\n".join(frags)


_NESTED = (
    "measures(first: 100) { edges { node { organisation { measures { organisation { "
    "measures { organisation { measures { title } } } } } } } } }"
)


def nested_measures() -> str:
    """Measures -> organisation -> measures, three levels under a page of 100."""
    return "{ " + _NESTED + " }"


def aliased_nested_measures() -> str:
    """The same twice, under two aliases."""
    return "{ a: " + _NESTED + " b: " + _NESTED + " }"


_MEASURE = "id title type year evidence { docId line quote } fieldOfAction { id name }"
_INNER = "id title type year evidence { docId line } fieldOfAction { id } organisation { id }"
_LARGE = (
    "measures(first: 100) { edges { node { "
    + _MEASURE
    + " organisation { id name measures { "
    + _INNER
    + " } } } } }"
)


def large_accepted_answer() -> str:
    """An answer every limit lets through, as large as they allow: two pages of 100
    measures, each with its organisation and that organisation's measures (on the corpus:
    cost estimate 47,402 of 200,000, 8,574 of 10,000 list entries, 2.6 of 5 MB; the inner
    ``organisation { id }`` sends each inner measure through graphql-core's own completion).
    It took 0.9 s and held the event loop for 0.7 s at a time before execution moved to
    threads (docs/reliability.md)."""
    return "{ a: " + _LARGE + " b: " + _LARGE + " }"


def raw_post(port: int, head: bytes, chunks: Iterable[bytes]) -> tuple[int, float, int]:
    """POST to /graphql on a plain socket: ``head`` (extra header lines), then ``chunks`` until
    the server answers; returns (status, seconds until the status line, body bytes sent)."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        t0 = time.perf_counter()
        sock.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + head
            + b"\r\n"
        )
        for chunk in chunks:
            if select.select([sock], [], [], 0)[0]:
                break  # the server has answered: stop sending
            try:
                sock.sendall(chunk)
            except OSError:  # it answered and closed while we were sending
                break
            sent += len(chunk)
        answer = b""
        while b"\r\n" not in answer and (more := sock.recv(65536)):
            answer += more
        elapsed = time.perf_counter() - t0
    return int(answer.split(b" ", 2)[1]), elapsed, sent


class HealthProbe:
    """GET /health on one keep-alive socket, timed; a few microseconds of client CPU, so the
    time is the server's (httpx spends milliseconds of the same cores per request)."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.file = self.sock.makefile("rb")

    def __call__(self) -> tuple[int, float]:
        t0 = time.perf_counter()
        self.sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        status = int(self.file.readline().split(b" ", 2)[1])
        length = 0
        while (line := self.file.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        self.file.read(length)
        return status, time.perf_counter() - t0

    def close(self) -> None:
        self.file.close()
        self.sock.close()


def settle_heap() -> None:
    """Freeze the test session's heap before timing the in-process app.

    The app serves from a thread of the test process, whose heap holds everything the session
    built; the app's own process freezes its start-up heap (``graph_api.app``), so there a
    full collection scans one request's garbage. Without the same here, a collection of the
    session's objects pauses the app (over 100 ms measured) and is blamed on the request."""
    gc.collect()
    gc.freeze()
