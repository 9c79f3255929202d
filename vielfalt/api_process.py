"""The API server as a background process, so the main job can be run again and again.

`vielfalt up` starts `vielfalt serve` detached (PID file and log under ``.run/``) and waits
until `/ready` answers; a server that already answers is reused. `vielfalt down` stops it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from queries.errors import ConfigError
from queries.settings import REPO_ROOT, Settings

__all__ = ["api_url", "api_answers", "serve", "start_api", "stop_api", "RUN_DIR"]

RUN_DIR = REPO_ROOT / ".run"
_PID = RUN_DIR / "api.pid"
_LOG = RUN_DIR / "api.log"


def api_url(s: Settings) -> str:
    return f"http://{s.api_host}:{s.api_port}"


def api_answers(s: Settings, path: str = "/health") -> int | None:
    """The status code of ``path`` on the configured API, or None if nothing answers."""
    try:
        return httpx.get(api_url(s) + path, timeout=2).status_code
    except httpx.HTTPError:
        return None


def serve(s: Settings, host: str | None = None, port: int | None = None) -> None:
    """Run the app in the foreground (``vielfalt serve``, ``vielfalt up --foreground``).

    One worker: measured, a second one on two cores shared with Neo4j made the tail worse.
    Requests are logged only with ``API_ACCESS_LOG=true`` (a line per request costs CPU,
    and the background server's log would grow without end)."""
    import uvicorn

    from graph_api.app import create_app

    uvicorn.run(
        create_app,
        factory=True,
        host=host or s.api_host,
        port=port or s.api_port,
        log_level="info",
        access_log=s.api_access_log,
    )


def _running_pid() -> int | None:
    try:
        pid = int(_PID.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def start_api(s: Settings, timeout: float = 60.0) -> tuple[int | None, bool]:
    """(pid, started): reuse an API that answers, otherwise start one in the background."""
    if api_answers(s) == 200:
        return _running_pid(), False
    RUN_DIR.mkdir(exist_ok=True)
    cli = Path(sys.executable).with_name("vielfalt")
    with open(_LOG, "ab") as log:
        proc = subprocess.Popen(
            [str(cli), "serve"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    _PID.write_text(f"{proc.pid}\n")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = "\n".join(_LOG.read_text(errors="replace").splitlines()[-10:])
            raise ConfigError(
                f"the API stopped during start-up (port {s.api_port} taken?):\n{tail}"
            )
        if api_answers(s, "/ready") == 200:
            return proc.pid, True
        time.sleep(0.3)
    raise ConfigError(f"the API did not become ready within {timeout:g} s; see {_LOG}")


def stop_api() -> bool:
    pid = _running_pid()
    if pid is None:
        _PID.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except OSError:
            break
        time.sleep(0.1)
    _PID.unlink(missing_ok=True)
    return True
