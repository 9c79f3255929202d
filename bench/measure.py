"""What every benchmark records beside its figures: machine, date, load, CPU per process.

The machine is shared, so wall times move with the load of others; the CPU seconds a
process spent (from /proc) move much less and are reported beside them.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["Timing", "timed", "machine", "cpu_seconds", "neo4j_pid", "append_result"]

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> str:
    """One line: CPU, cores, memory, Python, date, load average."""
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {sys.version.split()[0]}, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load {load} (shared machine)"
    )


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of a process (0 when unknown)."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(f) for f in fields[11:13]) / os.sysconf("SC_CLK_TCK")


def neo4j_pid() -> int | None:
    """The local Neo4j of this worktree (None for a remote server)."""
    from queries.settings import get_settings
    from vielfalt import neo4j_local

    return neo4j_local.status(get_settings()).pid


@dataclass
class Timing:
    wall: float = 0.0
    client_cpu: float = 0.0
    neo4j_cpu: float = 0.0
    load: float = 0.0


@contextmanager
def timed(pid: int | None = None) -> Iterator[Timing]:
    """Wall time, this process's CPU and the server's CPU of the block; 1-min load after."""
    t = Timing()
    w0, c0, n0 = time.perf_counter(), time.process_time(), cpu_seconds(pid)
    yield t
    t.wall = time.perf_counter() - w0
    t.client_cpu = time.process_time() - c0
    t.neo4j_cpu = cpu_seconds(pid) - n0
    t.load = os.getloadavg()[0]


def append_result(name: str, title: str, command: str, table: list[str]) -> Path:
    """Append a dated section (machine, command, table) to bench/results/NAME.md."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.md"
    text = f"\n## {title}\n\n{machine()}\n\n`{command}`\n\n" + "\n".join(table) + "\n"
    with path.open("a", encoding="utf-8") as f:
        f.write(text)
    return path
