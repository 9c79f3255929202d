"""The test suite's own Neo4j: derived from the user's settings, never the user's instance.

Tests clear the graph before each test, so they must never reach the database the user
loaded (``vielfalt up``). This module is the one place that says where the tests' Neo4j
lives: the user's settings with their own home (``.neo4j-test/`` beside the user's
``NEO4J_HOME``), their own Bolt and HTTP ports (the user's plus a fixed offset, so they never
meet the user's instance), their own password and their own corrections file. Two checkouts
with the same settings share one test instance (the suite reuses a Neo4j that answers on its
port): their suites must not run at the same time, since each test empties the graph.
:func:`activate` puts these overrides into ``os.environ``, so the tests' own process and every
``vielfalt`` subprocess they start use the test instance. The second guard
(:func:`check_clearable`) refuses to empty a database that holds documents but no marker of
the test suite.

``python -m tests.instance start|stop`` serves ``scripts/test.sh``.

>>> from queries.settings import Settings
>>> env = overrides(Settings(NEO4J_URI="bolt://127.0.0.1:7687", NEO4J_HTTP_PORT=7474))
>>> env["NEO4J_URI"], env["NEO4J_HTTP_PORT"], env["NEO4J_HOME"].endswith(".neo4j-test")
('bolt://127.0.0.1:7692', '7484', True)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlunsplit

from queries import db
from queries.errors import VielfaltError
from queries.settings import REPO_ROOT, Settings, get_settings

__all__ = [
    "TEST_HOME",
    "ACTIVE_FLAG",
    "home_for_tests",
    "overrides",
    "activate",
    "check_clearable",
    "mark",
    "RefusedToClear",
]

TEST_HOME = REPO_ROOT / ".neo4j-test"  # for the default NEO4J_HOME (see home_for_tests)
BOLT_OFFSET = 5
HTTP_OFFSET = 10
TEST_PASSWORD = "vielfalt-tests-only"  # not the user's: a test can never log into their graph
ACTIVE_FLAG = "VIELFALT_TEST_INSTANCE"  # set once the overrides are in the environment
# the marker lives on a category (categories always exist), so node counts stay as they are
_MARK = "MATCH (c:Category {id: 1}) SET c.test_suite_marker = true"
_STATE = (
    "OPTIONAL MATCH (c:Category {id: 1}) "
    "CALL () { MATCH (d:Document) RETURN count(d) AS documents } "
    "CALL () { MATCH (n) WHERE NOT n:Category RETURN count(n) AS others } "
    "RETURN coalesce(c.test_suite_marker, false) AS marked, documents, others"
)


class RefusedToClear(RuntimeError):
    """The database at the test settings holds data the test suite did not write."""


def home_for_tests(user: Settings) -> Path:
    """Beside the user's Neo4j home: ``.neo4j`` -> ``.neo4j-test``."""
    return Path(user.neo4j_home).resolve().parent / ".neo4j-test"


def overrides(user: Settings) -> dict[str, str]:
    """Environment variables that turn the user's settings into the test suite's settings."""
    host = user.bolt_host if user.neo4j_is_local else "127.0.0.1"
    bolt = user.bolt_port + BOLT_OFFSET
    uri = urlunsplit(("bolt", f"{host}:{bolt}", "", "", ""))
    return {
        "NEO4J_URI": uri,
        "NEO4J_HTTP_PORT": str(user.neo4j_http_port + HTTP_OFFSET),
        "NEO4J_HOME": str(home_for_tests(user)),
        "NEO4J_USER": "neo4j",
        "NEO4J_PASSWORD": TEST_PASSWORD,
        "NEO4J_DATABASE": "neo4j",
        "NEO4J_HEAP": "1g",
        "NEO4J_PAGECACHE": "256m",
        "CORRECTIONS_FILE": str(home_for_tests(user) / "curation.yaml"),
        ACTIVE_FLAG: "1",
    }


def activate() -> Settings:
    """Point this process (and its subprocesses) at the test instance; idempotent."""
    if os.environ.get(ACTIVE_FLAG) != "1":
        get_settings.cache_clear()
        os.environ.update(overrides(Settings()))
    get_settings.cache_clear()
    return get_settings()


def check_clearable(settings: Settings) -> None:
    """Raise :class:`RefusedToClear` unless the database is empty or marked as the suite's."""
    row = db.read(_STATE, settings)[0]
    if row["marked"] or (row["documents"] == 0 and row["others"] == 0):
        return
    raise RefusedToClear(
        f"Die Tests leeren die Datenbank unter {settings.neo4j_uri} nicht: sie enthält "
        f"{row['documents']} Dokument(e), die nicht von der Testsuite stammen (keine "
        "Testmarkierung). Die Tests brauchen eine eigene Neo4j-Instanz (tests/instance.py)."
    )


def mark(settings: Settings) -> None:
    """Mark the (freshly cleared) database as the test suite's own."""
    db.write(_MARK, settings)


def _main(argv: list[str]) -> int:
    from vielfalt import neo4j_local

    command = argv[0] if argv else ""
    s = activate()
    try:
        if command == "start":
            if neo4j_local.bolt_answers(s.bolt_host, s.bolt_port):
                print("started=0")
                return 0
            neo4j_local.start(s)
            print("started=1")
            return 0
        if command == "stop":
            neo4j_local.stop(s)
            return 0
    except VielfaltError as exc:
        print(f"Fehler: Test-Neo4j ({s.neo4j_uri}): {exc}", file=sys.stderr)
        return 1
    print("usage: python -m tests.instance start|stop", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
