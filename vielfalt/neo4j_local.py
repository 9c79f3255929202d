"""A local Neo4j Community server without Docker: fetched from Maven Central, run on the JDK.

Maven Central does not serve the distribution tarball for 5.x, so ``install`` resolves the
server artifacts (``org.neo4j:neo4j`` with ``org.neo4j.app:neo4j-server``) with the
machine's ``mvn`` into ``NEO4J_HOME/lib`` and writes a home folder with a loopback-only
configuration. ``start`` launches ``org.neo4j.server.CommunityEntryPoint`` on the JDK,
records its PID, waits for Bolt and sets the password from the settings; ``stop`` stops
exactly that PID. If ``NEO4J_URI`` already answers Bolt, nothing is installed or started.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import neo4j
from neo4j import exceptions as neo4j_errors

from queries.errors import ConfigError
from queries.settings import Settings

__all__ = ["Status", "install", "start", "stop", "status", "bolt_answers", "check_password"]

log = logging.getLogger(__name__)

_DEFAULT_PASSWORD = "neo4j"
_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.vielfalt</groupId><artifactId>neo4j-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId>
      <version>{v}</version></dependency>
    <dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId>
      <version>{v}</version></dependency>
  </dependencies>
</project>
"""
_JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
]


@dataclass(frozen=True)
class Status:
    installed: bool
    pid: int | None
    bolt: bool
    uri: str

    @property
    def running(self) -> bool:
        return self.pid is not None


def _paths(s: Settings) -> dict[str, Path]:
    home = Path(s.neo4j_home).resolve()
    return {
        "home": home,
        "lib": home / "lib",
        "conf": home / "conf",
        "data": home / "data",
        "logs": home / "logs",
        "run": home / "run",
        "pid": home / "run" / "vielfalt-neo4j.pid",
        "stdout": home / "logs" / "console.log",
        "marker": home / "lib" / f".complete-{s.neo4j_version}",
        "password": home / "run" / "password-set",
    }


def bolt_answers(host: str, port: int, timeout: float = 1.0) -> bool:
    """True if a Bolt server answers the handshake at host:port."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.settimeout(timeout)
            sock.sendall(bytes.fromhex("6060B017") + bytes.fromhex("00000505" + "00" * 12))
            reply = sock.recv(4)
            return len(reply) == 4
    except OSError:
        return False


def _port_taken(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host if host != "localhost" else "127.0.0.1", port))
        except OSError:
            return True
    return False


def _require(tool: str, what: str) -> str:
    path = shutil.which(tool)
    if not path:
        raise ConfigError(f"{tool} not found: install {what} (e.g. `apt-get install {what}`)")
    return path


def _java_ok() -> str:
    java = _require("java", "openjdk-17-jre-headless")
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    first = out.splitlines()[0] if out else ""
    try:
        major = int(first.split('"')[1].split(".")[0])
    except (IndexError, ValueError):
        major = 0
    if major and major < 17:
        raise ConfigError(f"Neo4j 5 needs Java 17 or 21, found: {first}")
    return java


def _write_config(s: Settings, p: dict[str, Path]) -> None:
    p["conf"].mkdir(parents=True, exist_ok=True)
    lines = [
        "server.default_listen_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{s.bolt_port}",
        f"server.http.listen_address=127.0.0.1:{s.neo4j_http_port}",
        "server.https.enabled=false",
        f"server.directories.data={p['data']}",
        f"server.directories.logs={p['logs']}",
        f"server.directories.run={p['run']}",
        f"server.directories.plugins={p['home'] / 'plugins'}",
        f"server.directories.import={p['home'] / 'import'}",  # LOAD CSV reads only here
        f"server.memory.pagecache.size={s.neo4j_pagecache}",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        f"db.transaction.timeout={max(int(s.neo4j_query_timeout * 6), 60)}s",
    ]
    (p["conf"] / "neo4j.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")


def install(s: Settings) -> Path:
    """Fetch the server jars with Maven (once per version) and write the configuration."""
    p = _paths(s)
    if not p["marker"].exists():
        mvn = _require("mvn", "maven")
        _java_ok()
        p["lib"].mkdir(parents=True, exist_ok=True)
        pom = p["home"] / "pom.xml"
        pom.write_text(_POM.format(v=s.neo4j_version), encoding="utf-8")
        log.info("fetching Neo4j %s from Maven Central", s.neo4j_version)
        for old in p["lib"].glob("*.jar"):
            old.unlink()
        cmd = [
            mvn,
            "-B",
            "-q",
            "-f",
            str(pom),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={p['lib']}",
            "-DincludeScope=runtime",
        ]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-5:])
            raise ConfigError(f"Maven could not fetch Neo4j {s.neo4j_version}:\n{tail}")
        p["marker"].touch()
    _write_config(s, p)
    for key in ("data", "logs", "run"):
        p[key].mkdir(parents=True, exist_ok=True)
    return p["home"]


# servers this process started, kept so that they are reaped (and not garbage collected
# while they run, which Python reports as a ResourceWarning)
_children: dict[int, subprocess.Popen[bytes]] = {}


def _read_pid(p: dict[str, Path]) -> int | None:
    try:
        pid = int(p["pid"].read_text().strip())
    except (OSError, ValueError):
        return None
    if pid in _children:
        if _children[pid].poll() is not None:
            del _children[pid]
            return None
        return pid
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return None  # our own child has exited
    except ChildProcessError:
        pass  # not our child: started by an earlier command
    try:
        os.kill(pid, 0)
    except OSError:
        return None
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists() and b"CommunityEntryPoint" not in cmdline.read_bytes():
        return None  # the PID was reused by another program
    return pid


def _tls_server_answers(s: Settings, timeout: float = 5.0) -> bool:
    """A TLS server (``neo4j+s://``, Aura) does not answer a plain Bolt handshake: ask
    through the driver; a rejected password still means that the server answers."""
    try:
        with neo4j.GraphDatabase.driver(
            s.neo4j_uri, auth=(s.neo4j_user, s.neo4j_password), connection_timeout=timeout
        ) as driver:
            driver.verify_connectivity()
        return True
    except neo4j_errors.AuthError:
        return True
    except (neo4j_errors.DriverError, neo4j_errors.Neo4jError, OSError):
        return False


def status(s: Settings) -> Status:
    p = _paths(s)
    answers = _tls_server_answers(s) if s.neo4j_tls else bolt_answers(s.bolt_host, s.bolt_port)
    return Status(installed=p["marker"].exists(), pid=_read_pid(p), bolt=answers, uri=s.neo4j_uri)


def _log_tail(p: dict[str, Path], n: int = 15) -> str:
    chunks = []
    for f in (p["stdout"], p["logs"] / "neo4j.log"):
        if f.exists():
            chunks.extend(f.read_text(errors="replace").splitlines()[-n:])
    return "\n".join(chunks[-n:])


def _set_password(s: Settings, p: dict[str, Path]) -> None:
    """A fresh store has neo4j/neo4j with a forced change: set the configured password."""
    if p["password"].exists():
        return
    check_password(s)
    with neo4j.GraphDatabase.driver(s.neo4j_uri, auth=(s.neo4j_user, _DEFAULT_PASSWORD)) as d:
        try:
            with d.session(database="system") as session:
                session.run(
                    "ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                    old=_DEFAULT_PASSWORD,
                    new=s.neo4j_password,
                ).consume()
        except neo4j_errors.AuthError:
            pass  # already changed earlier (marker lost): the configured password is checked next
    p["password"].write_text("ok\n")


_WEAK_PASSWORDS = frozenset({"", "neo4j", "password", "12345678"})


def check_password(s: Settings) -> None:
    """Refuse to run a local server with the default, an empty or a short password."""
    if s.neo4j_password in _WEAK_PASSWORDS or len(s.neo4j_password) < 8:
        raise ConfigError(
            "NEO4J_PASSWORD ist das Standardpasswort, leer oder kürzer als 8 Zeichen: "
            "ein eigenes Passwort setzen (in .env)"
        )


def start(s: Settings, timeout: float = 120.0) -> Status:
    """Start the local server, or reuse the running one; returns when Bolt answers.

    The server listens on the loopback interface only, with authentication on, and is
    never started with the default password (:func:`check_password`).
    """
    p = _paths(s)
    current = status(s)
    if current.bolt:
        if current.pid is None:
            log.info("a Neo4j server already answers at %s: using it", s.neo4j_uri)
        return current
    if not s.neo4j_is_local:
        raise ConfigError(
            f"Neo4j at {s.neo4j_uri} does not answer and is not local: start that server, "
            "or unset NEO4J_URI to use the local instance"
        )
    check_password(s)
    proc: subprocess.Popen[bytes] | None = None
    if current.pid is None:
        for port in (s.bolt_port, s.neo4j_http_port):
            if _port_taken(s.bolt_host, port):
                raise ConfigError(
                    f"port {port} on {s.bolt_host} is taken by another program: stop it or "
                    "set NEO4J_URI / NEO4J_HTTP_PORT to free ports"
                )
        java = _java_ok()
        install(s)
        cmd = [
            java,
            f"-Xms{s.neo4j_heap}",
            f"-Xmx{s.neo4j_heap}",
            *_JVM_FLAGS,
            "-cp",
            f"{p['lib']}/*",
            "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={p['home']}",
            f"--config-dir={p['conf']}",
        ]
        with open(p["stdout"], "ab") as out:
            proc = subprocess.Popen(
                cmd, stdout=out, stderr=subprocess.STDOUT, cwd=p["home"], start_new_session=True
            )
        p["pid"].write_text(f"{proc.pid}\n")
        _children[proc.pid] = proc
        log.info("started Neo4j (pid %s), waiting for Bolt on %s", proc.pid, s.neo4j_uri)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if bolt_answers(s.bolt_host, s.bolt_port):
            break
        alive = proc.poll() is None if proc is not None else _read_pid(p) is not None
        if not alive:
            raise ConfigError(f"Neo4j stopped during start-up. Last log lines:\n{_log_tail(p)}")
        time.sleep(0.5)
    else:
        raise ConfigError(
            f"Neo4j did not answer within {timeout:g} s. Last log lines:\n{_log_tail(p)}"
        )
    _set_password_when_up(s, p, max(deadline, time.monotonic() + _SESSION_GRACE))
    return status(s)


_SESSION_GRACE = 15.0  # seconds a server that answered Bolt gets to take its first session


def _set_password_when_up(s: Settings, p: dict[str, Path], deadline: float) -> None:
    """:func:`_set_password` once the server takes a session: its Bolt port may answer a
    moment before it does. A server that takes none by ``deadline`` is a clear error with
    its last log lines, not a driver's traceback."""
    while True:
        try:
            _set_password(s, p)
            return
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
            if time.monotonic() >= deadline:
                raise ConfigError(
                    f"Neo4j unter {s.neo4j_uri} nimmt keine Verbindung an ({exc}). "
                    f"Letzte Logzeilen:\n{_log_tail(p)}"
                ) from exc
            time.sleep(0.5)


def stop(s: Settings, timeout: float = 60.0) -> bool:
    """Stop the server this project started (by its PID file); False if none was running."""
    p = _paths(s)
    pid = _read_pid(p)
    if pid is None:
        p["pid"].unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _read_pid(p) is not None:
        time.sleep(0.3)
    if _read_pid(p) is not None:
        os.kill(pid, signal.SIGKILL)
    p["pid"].unlink(missing_ok=True)
    return True
