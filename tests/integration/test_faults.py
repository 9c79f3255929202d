"""Faults against a second Neo4j that this module starts itself (the "user's" instance).

- running the suite's fixtures leaves the user's loaded graph unchanged (the suite starts
  its own instance beside it), and the suite refuses to clear a graph it did not write;
- ``kill -9`` of Neo4j in the middle of a load: after a restart every document is all
  there or not at all, and loading again completes the rest;
- the API keeps serving through that: ``/ready`` 503 while Neo4j is down, 200 after the
  restart, queries work again without restarting the API.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from queries import db
from queries.fingerprint import fingerprint
from queries.settings import REPO_ROOT, Settings, get_settings
from tests import instance
from tests.conftest import LiveServer, free_port
from tests.generated import MEASURES_PER_REPORT, write_reports
from vielfalt import neo4j_local

# each test may start a Neo4j on two shared cores: more than the default 300 s is possible
pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]

USER_PASSWORD = "user-password-1"
CLI = str(Path(sys.executable).with_name("vielfalt"))


class UserInstance:
    """A Neo4j as a user has it: own home, ports, password; env for the CLI and pytest."""

    def __init__(self, root: Path, jars: Path) -> None:
        home = root / "neo4j"
        home.mkdir(parents=True)
        (home / "lib").symlink_to(jars)  # the suite's jars: no second Maven download
        self.env = {k: v for k, v in os.environ.items() if k != instance.ACTIVE_FLAG}
        self.env.update(
            {
                "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}",
                "NEO4J_HTTP_PORT": str(free_port()),
                "NEO4J_HOME": str(home),
                "NEO4J_PASSWORD": USER_PASSWORD,
                "NEO4J_HEAP": "512m",
                "NEO4J_PAGECACHE": "128m",
                "CORRECTIONS_FILE": str(root / "curation.yaml"),
            }
        )
        self.settings = Settings(**{k: self.env[k] for k in _KEYS})  # type: ignore[arg-type]

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [CLI, *args], env=self.env, capture_output=True, text=True, timeout=300
        )

    def pid(self) -> int:
        return int((Path(self.env["NEO4J_HOME"]) / "run" / "vielfalt-neo4j.pid").read_text())


_KEYS = ("NEO4J_URI", "NEO4J_HTTP_PORT", "NEO4J_HOME", "NEO4J_PASSWORD", "NEO4J_HEAP")


@pytest.fixture(scope="module")
def user(
    neo4j_server: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[UserInstance]:
    jars = Path(neo4j_server.neo4j_home).resolve() / "lib"
    it = UserInstance(tmp_path_factory.mktemp("user"), jars)
    neo4j_local.start(it.settings)
    try:
        yield it
    finally:
        neo4j_local.stop(it.settings)
        db.close_driver()


def test_running_the_tests_leaves_the_user_graph_unchanged(
    user: UserInstance, tmp_path: Path
) -> None:
    write_reports(tmp_path / "berichte", 3)
    assert user.cli("load", str(tmp_path / "berichte")).returncode == 0
    before = fingerprint(user.settings)
    assert len(before.nodes) > 10

    # the suite as the user runs it: their settings, no test settings in the environment
    test_home = instance.home_for_tests(user.settings)
    test_home.mkdir()
    (test_home / "lib").symlink_to(Path(user.env["NEO4J_HOME"]) / "lib")
    subset = [  # the fixtures' operations: clear, write, load and remove through the CLI
        "tests/integration/test_foundation.py::test_write_then_read_back",
        "tests/integration/loaders/test_writer.py::test_second_load_changes_nothing",
        "tests/integration/loaders/test_cli_load.py::test_db_remove_takes_a_document_out",
    ]
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *subset],
            cwd=REPO_ROOT,
            env=user.env,
            capture_output=True,
            text=True,
            timeout=800,
        )
    finally:  # should the run be cut short, its Neo4j must not outlive it
        stopped = neo4j_local.stop(Settings(NEO4J_HOME=test_home))  # type: ignore[call-arg]
    assert done.returncode == 0, done.stdout[-3000:]
    assert "passed" in done.stdout
    assert (test_home / "data").is_dir()  # the suite ran on its own instance, beside it ...
    assert not stopped  # ... and stopped it at its end
    assert fingerprint(user.settings) == before


def test_the_suite_refuses_to_clear_a_graph_it_did_not_write(user: UserInstance) -> None:
    assert user.cli("db", "counts").returncode == 0
    before = fingerprint(user.settings)
    assert any(n.startswith("(Document ") for n in before.nodes)
    # a misconfiguration: the test settings point at the user's instance
    env = {**user.env, instance.ACTIVE_FLAG: "1"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        + ["tests/integration/test_foundation.py::test_write_then_read_back"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 3, done.stdout[-2000:]
    assert "Die Tests leeren die Datenbank unter" in done.stdout + done.stderr
    assert fingerprint(user.settings) == before


def _patient(s: Settings) -> Settings:
    """Checks right after a crash restart meet a cold server on a busy machine."""
    return s.model_copy(update={"neo4j_query_timeout": 120.0})


_SHOWN = "MATCH (d:Document) WHERE d.id IN $names AND coalesce(d.revision, 0) >= 0 "


def _loaded(s: Settings, names: list[str]) -> int:
    rows = db.read(_SHOWN + "RETURN count(d) AS n", s, names=names)
    return int(rows[0]["n"])


def _complete(s: Settings, names: list[str]) -> dict[str, tuple[int, int, int]]:
    """(measures, mentions, link evidence entries) per document of ``names`` with any trace
    in the graph: a fact, or its node shown (a hidden node without facts is a document
    announced before its facts were written: not there)."""
    found: dict[str, list[int]] = {}
    for column, query in enumerate(
        (
            "MATCH (m:Measure) WHERE m.doc IN $names RETURN m.doc AS doc, count(*) AS n",
            "MATCH (d:Document)-[:MENTIONS]->() WHERE d.id IN $names "
            "RETURN d.id AS doc, count(*) AS n",
            "MATCH ()-[r]->() WHERE r.ev_docs IS NOT NULL UNWIND r.ev_docs AS doc "
            "WITH doc WHERE doc IN $names RETURN doc, count(*) AS n",
        )
    ):
        for row in db.read(query, _patient(s), names=names):
            found.setdefault(row["doc"], [0, 0, 0])[column] = row["n"]
    documents = db.read(_SHOWN + "RETURN d.id AS doc", _patient(s), names=names)
    for row in documents:
        found.setdefault(row["doc"], [0, 0, 0])
    return {doc: (m, x, k) for doc, (m, x, k) in found.items()}


def test_kill_9_in_the_middle_of_a_load_while_the_api_serves(
    user: UserInstance, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = write_reports(tmp_path / "viele", 40, first=10)
    whole = (MEASURES_PER_REPORT, 3, 2)  # measures, mentions, links of one report
    for key in _KEYS:
        monkeypatch.setenv(key, user.env[key])
    get_settings.cache_clear()
    try:
        with LiveServer() as app:
            assert httpx.get(f"{app.url}/ready", timeout=30).status_code == 200
            load = subprocess.Popen(
                [CLI, "load", str(tmp_path / "viele")],
                env=user.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            deadline = time.monotonic() + 120
            while _loaded(user.settings, names) < 3:
                assert time.monotonic() < deadline and load.poll() is None, "load ended early"
                time.sleep(0.02)
            os.kill(user.pid(), signal.SIGKILL)
            _out, err = load.communicate(timeout=120)
            assert load.returncode == 1 and "Traceback" not in err
            assert "nicht geladen" in err and "erneut laden" in err

            assert httpx.get(f"{app.url}/ready", timeout=30).status_code == 503
            assert httpx.get(f"{app.url}/health", timeout=30).status_code == 200

            neo4j_local.start(user.settings)  # the same store, after a crash
            seen = _complete(user.settings, names)
            assert 3 <= len(seen) < len(names)
            assert all(v == whole for v in seen.values()), seen  # all of it or nothing

            deadline = time.monotonic() + 30
            while httpx.get(f"{app.url}/ready", timeout=30).status_code != 200:
                assert time.monotonic() < deadline, "/ready stayed 503 after the restart"
                time.sleep(0.5)
            answer = httpx.post(
                f"{app.url}/graphql",
                json={"query": "{ stats { nodes { key count } } }"},
                timeout=30,
            ).json()
            assert "errors" not in answer, answer
            counts = {c["key"]: c["count"] for c in answer["data"]["stats"]["nodes"]}
            assert counts["Document"] >= len(seen)

        again = user.cli("load", str(tmp_path / "viele"))
        assert again.returncode == 0, again.stderr
        done = _complete(user.settings, names)
        assert set(done) == set(names) and all(v == whole for v in done.values())
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
