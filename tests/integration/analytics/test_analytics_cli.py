"""`vielfalt report ...` and `vielfalt export` against the real Neo4j."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from loaders.cli import app
from queries.projection import project
from queries.settings import Settings

pytestmark = pytest.mark.integration
runner = CliRunner()
VIELFALT = Path(sys.executable).parent / "vielfalt"


def test_report_centrality_formats(synergy_graph: Settings, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "centrality"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Zentralitätsbericht")
    assert "Stadt Duisburg" in result.output and "Broker" in result.output
    out = tmp_path / "bericht.html"
    result = runner.invoke(app, ["report", "centrality", "--format", "html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "data:image/png;base64," in out.read_text(encoding="utf-8")
    out = tmp_path / "bericht.md"
    assert runner.invoke(app, ["report", "centrality", "--out", str(out)]).exit_code == 0
    assert (tmp_path / "bericht-top10-pagerank.png").exists()
    out = tmp_path / "bericht.csv"
    result = runner.invoke(
        app,
        [
            "report",
            "centrality",
            "--format",
            "csv",
            "--out",
            str(out),
            "--link-type",
            "COOPERATES_WITH",
        ],
    )
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["Kennung"] for r in rows} == set(
        project(synergy_graph, link_types=["COOPERATES_WITH"])
    )


def test_report_synergies(synergy_graph: Settings) -> None:
    result = runner.invoke(app, ["report", "synergies", "--organisation", "stadt-duisburg"])
    assert result.exit_code == 0, result.output
    assert "1. Stadt Duisburg (stadt-duisburg) ↔ Jobcenter Duisburg (jobcenter-duisburg)" in (
        result.output
    )
    assert "   • Beide haben Charta der Vielfalt unterzeichnet" in result.output
    result = runner.invoke(app, ["report", "synergies", "--first", "1"])
    assert result.exit_code == 0 and "Duisburg" in result.output
    result = runner.invoke(app, ["report", "synergies", "--organisation", "verein-y"])
    assert "Keine Synergie-Vorschläge" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_export_reads_back(synergy_graph: Settings, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"netz.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    G = project(synergy_graph)
    if fmt == "graphml":
        back = nx.read_graphml(out)
    elif fmt == "gexf":
        back = nx.read_gexf(out)
    elif fmt == "csv":
        with out.open(encoding="utf-8") as fh:
            edges = list(csv.DictReader(fh))
        with (tmp_path / "netz_nodes.csv").open(encoding="utf-8") as fh:
            nodes = list(csv.DictReader(fh))
        back = nx.Graph((e["source"], e["target"]) for e in edges)
        back.add_nodes_from(n["id"] for n in nodes)
    else:
        import json

        back = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        G.number_of_nodes(),
        G.number_of_edges(),
    )


def _vielfalt(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VIELFALT), *args], capture_output=True, text=True, env=os.environ.copy(), timeout=120
    )


def test_bad_input_is_one_line_and_exit_1(synergy_graph: Settings, tmp_path: Path) -> None:
    for args, message in [
        (["report", "synergies", "--organisation", "gibt-es-nicht"], "gibt-es-nicht"),
        (["export", "--format", "xlsx", "--out", str(tmp_path / "x")], "xlsx"),
        (["report", "centrality", "--format", "pdf"], "pdf"),
        (["report", "centrality", "--link-type", "FRIENDS"], "FRIENDS"),
        (
            ["export", "--format", "csv", "--out", str(tmp_path / "x.csv"), "--programme", "nein"],
            "nein",
        ),
    ]:
        done = _vielfalt(*args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert message in done.stderr and "Traceback" not in done.stderr
