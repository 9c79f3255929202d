"""The local-Neo4j manager's failure paths: clear one-line errors, nothing started."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from queries.errors import ConfigError
from queries.settings import Settings
from vielfalt import neo4j_local


def _settings(tmp_path: Path, port: int) -> Settings:
    return Settings(
        NEO4J_URI=f"bolt://127.0.0.1:{port}",
        NEO4J_HOME=tmp_path / "n4j",
        NEO4J_HTTP_PORT=port + 1 if port < 65000 else port - 1,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_bolt_answers_is_false_where_nothing_listens() -> None:
    assert not neo4j_local.bolt_answers("127.0.0.1", _free_port())


def test_port_taken_by_another_program(tmp_path: Path) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        with pytest.raises(ConfigError, match=f"port {port} .* taken"):
            neo4j_local.start(_settings(tmp_path, port), timeout=5)
    assert not (tmp_path / "n4j" / "run" / "vielfalt-neo4j.pid").exists()


def test_java_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH without java or mvn
    with pytest.raises(ConfigError, match="java not found"):
        neo4j_local.start(_settings(tmp_path, _free_port()), timeout=5)


def test_only_loopback_addresses_count_as_local(tmp_path: Path) -> None:
    assert Settings(NEO4J_URI="bolt://localhost:7687").neo4j_is_local
    assert not Settings(NEO4J_URI="neo4j://db.example.org:7687").neo4j_is_local


def test_stop_without_a_running_server(tmp_path: Path) -> None:
    assert neo4j_local.stop(_settings(tmp_path, _free_port())) is False


@pytest.mark.parametrize("password", ["neo4j", "", "kurz"])
def test_never_started_with_the_default_or_an_empty_password(tmp_path: Path, password: str) -> None:
    s = _settings(tmp_path, _free_port()).model_copy(update={"neo4j_password": password})
    with pytest.raises(ConfigError, match="NEO4J_PASSWORD ist das Standardpasswort"):
        neo4j_local.start(s, timeout=5)
    assert not (tmp_path / "n4j" / "run" / "vielfalt-neo4j.pid").exists()


def test_configuration_listens_on_loopback_only_with_authentication(tmp_path: Path) -> None:
    s = _settings(tmp_path, _free_port())
    neo4j_local._write_config(s, neo4j_local._paths(s))
    conf = dict(
        line.split("=", 1)
        for line in (tmp_path / "n4j" / "conf" / "neo4j.conf").read_text().splitlines()
    )
    addresses = [v for k, v in conf.items() if "listen_address" in k]
    assert len(addresses) == 3
    assert all(a == "127.0.0.1" or a.startswith("127.0.0.1:") for a in addresses)
    assert conf["dbms.security.auth_enabled"] == "true"
    assert conf["server.https.enabled"] == "false"


def test_a_server_that_takes_no_session_is_a_clear_error(tmp_path: Path) -> None:
    """Bolt may answer before the server takes a session; one that never takes one ends
    the start with a German error naming the address, not with the driver's traceback."""
    s = _settings(tmp_path, _free_port()).model_copy(update={"neo4j_password": "ein-gutes-pw"})
    started = time.monotonic()
    with pytest.raises(ConfigError, match=f"{s.neo4j_uri} nimmt keine Verbindung an"):
        neo4j_local._set_password_when_up(s, neo4j_local._paths(s), time.monotonic() + 1.5)
    assert time.monotonic() - started >= 1.5  # it waited for the server before giving up
    assert not (tmp_path / "n4j" / "run" / "password-set").exists()
