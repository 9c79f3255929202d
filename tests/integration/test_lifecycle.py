"""A second local Neo4j through the CLI: start, reuse, /ready 200, stop, /ready 503."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer, free_port

pytestmark = pytest.mark.integration


def _vielfalt(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    cli = Path(sys.executable).with_name("vielfalt")
    return subprocess.run([str(cli), *args], env=env, capture_output=True, text=True, timeout=300)


def test_start_reuse_ready_stop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bolt, http_port = free_port(), free_port()
    env = {
        **os.environ,
        "NEO4J_URI": f"bolt://127.0.0.1:{bolt}",
        "NEO4J_HTTP_PORT": str(http_port),
        "NEO4J_HOME": str(tmp_path / "neo4j"),
        "NEO4J_HEAP": "512m",
        "NEO4J_PAGECACHE": "128m",
    }
    try:
        first = _vielfalt(env, "neo4j", "start")
        assert first.returncode == 0, first.stderr
        pid = (tmp_path / "neo4j" / "run" / "vielfalt-neo4j.pid").read_text().strip()
        again = _vielfalt(env, "neo4j", "start")
        assert again.returncode == 0 and f"pid {pid}" in again.stdout  # reused, not restarted

        for key in ("NEO4J_URI", "NEO4J_HTTP_PORT", "NEO4J_HOME"):
            monkeypatch.setenv(key, env[key])
        from queries.settings import get_settings

        get_settings.cache_clear()
        with LiveServer() as app:
            assert httpx.get(f"{app.url}/ready", timeout=30).status_code == 200
            stopped = _vielfalt(env, "neo4j", "stop")
            assert stopped.returncode == 0 and "stopped" in stopped.stdout
            down = httpx.get(f"{app.url}/ready", timeout=30)
            assert down.status_code == 503
            assert "vielfalt neo4j start" in down.json()["reason"]
            assert httpx.get(f"{app.url}/health").status_code == 200  # still serving
        status = _vielfalt(env, "neo4j", "status")
        assert status.returncode != 0 and "bolt answers: False" in status.stdout
    finally:
        _vielfalt(env, "neo4j", "stop")
        from queries.settings import get_settings

        monkeypatch.undo()
        get_settings.cache_clear()
