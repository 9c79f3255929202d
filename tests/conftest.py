"""Shared fixtures: the suite's own Neo4j (started if needed), a clean graph, the live app.

No test replaces the driver: everything that touches the graph talks to Neo4j. That Neo4j
is never the user's: importing this file points the settings (and every subprocess) at the
test instance of :mod:`tests.instance`, and a graph is only cleared when it is empty or
carries the suite's marker.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from queries import db
from queries.settings import Settings
from tests import instance
from vielfalt import neo4j_local

instance.activate()  # before anything reads the settings: the tests' own Neo4j only

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return instance.activate()


@pytest.fixture(scope="session")
def neo4j_server(settings: Settings) -> Iterator[Settings]:
    """The suite's Neo4j: reused when it answers, otherwise started (and stopped at the end)."""
    started = not neo4j_local.bolt_answers(settings.bolt_host, settings.bolt_port)
    neo4j_local.start(settings)
    clean_graph(settings)
    yield settings
    db.close_driver()
    if started:
        neo4j_local.stop(settings)


@pytest.fixture()
def graph(neo4j_server: Settings) -> Iterator[Settings]:
    """A clean graph (schema and categories only) for one test."""
    clean_graph(neo4j_server)
    yield neo4j_server


def clean_graph(settings: Settings) -> None:
    """Empty the suite's graph and mark it; stop the run if it holds someone else's data."""
    try:
        instance.check_clearable(settings)
    except instance.RefusedToClear as exc:
        pytest.exit(str(exc), returncode=3)
    db.clear_database(settings)
    db.apply_schema(settings)
    instance.mark(settings)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """The FastAPI app served by uvicorn in a thread, reached over real HTTP."""

    def __init__(self) -> None:
        from graph_api.app import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the app did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_app(neo4j_server: Settings) -> Iterator[LiveServer]:
    with LiveServer() as server:
        yield server


@pytest.fixture()
def http(live_app: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_app.url, timeout=30) as client:
        yield client


_corpus_counts: dict[str, dict[str, int]] = {}


@pytest.fixture()
def corpus_graph(neo4j_server: Settings) -> Settings:
    """The whole corpus, loaded once and reloaded only after another test changed the graph.

    Tests that use it must not change the graph; tests that write use ``graph``.
    """
    from loaders.load.pipeline import load_paths

    if not _corpus_counts or db.counts(neo4j_server) != _corpus_counts:
        clean_graph(neo4j_server)
        report = load_paths([CORPUS], neo4j_server)
        assert report.ok, report.failed
        _corpus_counts.clear()
        _corpus_counts.update(db.counts(neo4j_server))
    return neo4j_server
