"""`vielfalt viz`: a standalone HTML file with vis-network inlined and no foreign URL."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from queries.settings import Settings

pytestmark = pytest.mark.integration

VIELFALT = Path(sys.executable).parent / "vielfalt"
FOREIGN = re.compile(
    r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?https?:|@import""", re.I
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VIELFALT), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
        check=False,
    )


def test_viz_writes_a_standalone_file(sample_graph: Settings, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "network.html"
    done = run("viz", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "8 Knoten, 6 Verbindungen" in done.stdout
    html = out.read_text(encoding="utf-8")
    assert "<script src=" not in html and '<link rel="stylesheet"' not in html
    assert "vis.Network" in html or "Network=" in html  # the inlined library and page script
    assert ".vis-network" in html  # the inlined vis-network CSS
    assert not FOREIGN.search(html)
    assert "<script>alert(1)</script>" not in html


def test_viz_of_an_ego_network(sample_graph: Settings, tmp_path: Path) -> None:
    out = tmp_path / "ego.html"
    done = run("viz", "--out", str(out), "--organisation", "jc-c", "--depth", "1")
    assert done.returncode == 0, done.stderr
    assert "3 Knoten, 2 Verbindungen" in done.stdout
    assert "Netzwerk von Jobcenter C" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--organisation", "nope"), "nicht im Graphen"),
        (("--organisation", "stadt-a", "--depth", "4"), "Tiefe"),
        (("--depth", "2"), "nur zusammen mit --organisation"),
    ],
)
def test_viz_bad_input_is_one_line(
    sample_graph: Settings, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    done = run("viz", "--out", str(tmp_path / "x.html"), *args)
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr
