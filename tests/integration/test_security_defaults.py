"""The running local Neo4j (the suite's own, started like the user's) listens on loopback
only and does not accept the default password."""

from __future__ import annotations

from pathlib import Path

import pytest

from queries import db
from queries.errors import AuthError
from queries.settings import Settings

pytestmark = pytest.mark.integration


def _listening(port: int) -> set[str]:
    """Local addresses (hex, as the kernel lists them) listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_bolt_and_http_listen_on_loopback_only(neo4j_server: Settings) -> None:
    # 127.0.0.1, ::ffff:127.0.0.1 (IPv4 on an IPv6 socket), ::1
    loopback = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}
    for port in (neo4j_server.bolt_port, neo4j_server.neo4j_http_port):
        listening = _listening(port)
        assert listening and listening <= loopback, (port, listening)


def test_the_default_password_is_refused(neo4j_server: Settings) -> None:
    default = neo4j_server.model_copy(update={"neo4j_password": "neo4j"})
    with pytest.raises(AuthError):
        db.ping(default)
