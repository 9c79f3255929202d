"""The README's main job, twice in a row, on its own Neo4j and ports: start, reuse, stop."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import CORPUS, free_port

pytestmark = pytest.mark.integration


def test_up_twice_then_down(tmp_path: Path) -> None:
    cli = str(Path(sys.executable).with_name("vielfalt"))
    api_port = free_port()
    env = {
        **os.environ,
        "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}",
        "NEO4J_HTTP_PORT": str(free_port()),
        "NEO4J_HOME": str(tmp_path / "neo4j"),
        "NEO4J_HEAP": "512m",
        "NEO4J_PAGECACHE": "128m",
        "API_PORT": str(api_port),
        "CORPUS_DIR": str(CORPUS),
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([cli, *args], env=env, capture_output=True, text=True, timeout=600)

    try:
        first = run("up")
        assert first.returncode == 0, first.stderr
        assert "gestartet" in first.stdout
        second = run("up")
        assert second.returncode == 0, second.stderr
        assert "laufen bereits" in second.stdout
        assert "unverändert" in second.stdout
        ready = httpx.get(f"http://127.0.0.1:{api_port}/ready", timeout=10)
        assert ready.status_code == 200
    finally:
        down = run("down")
    assert down.returncode == 0 and "gestoppt" in down.stdout
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{api_port}/health", timeout=2)
