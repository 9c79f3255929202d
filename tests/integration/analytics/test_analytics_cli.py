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

from queries.projection import project
from queries.settings import Settings
from vielfalt.cli import app

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
    assert "   • Beide haben die Charta der Vielfalt unterzeichnet" in result.output
    result = runner.invoke(app, ["report", "synergies", "--first", "1"])
    assert result.exit_code == 0 and "Duisburg" in result.output
    result = runner.invoke(app, ["report", "synergies", "--organisation", "verein-y"])
    assert "Keine Synergie-Vorschläge" in result.output


def _read_back(fmt: str, out: Path) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    """(node id -> label, {(source, link type, target)}) of an exported file."""
    if fmt in ("csv", "csv-excel"):
        enc, sep = ("utf-8-sig", ";") if fmt == "csv-excel" else ("utf-8", ",")
        with out.open(encoding=enc, newline="") as fh:
            edges = list(csv.DictReader(fh, delimiter=sep))
        with out.with_name(f"{out.stem}_nodes.csv").open(encoding=enc, newline="") as fh:
            nodes = list(csv.DictReader(fh, delimiter=sep))
        return {n["id"]: n["label"] for n in nodes}, {
            (e["source"], e["link_type"], e["target"]) for e in edges
        }
    if fmt == "json":
        import json

        back = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    else:
        back = (
            nx.read_graphml(out, force_multigraph=True)
            if fmt == "graphml"
            else nx.read_gexf(out, version="1.3")
        )
    assert back.is_directed()  # a multigraph only where parallel edges exist
    return dict(back.nodes(data="label")), {
        (u, d["link_type"], v) for u, v, d in back.edges(data=True)
    }


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv", "csv-excel"])
def test_export_reads_back_as_neo4j_holds_it(
    synergy_graph: Settings, tmp_path: Path, fmt: str
) -> None:
    """Every node with its name as label, every stored link as its own typed, directed
    edge — compared with what Cypher reads from Neo4j."""
    from queries import db

    out = tmp_path / f"netz.{fmt.replace('-', '.')}"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    labels, triples = _read_back(fmt, out)
    nodes = db.read(
        "MATCH (n) WHERE n:Organisation OR n:Programme RETURN n.id AS id, n.name AS name",
        synergy_graph,
    )
    links = db.read(
        "MATCH (a)-[r]->(b) WHERE (a:Organisation OR a:Programme) AND "
        "(b:Organisation OR b:Programme) RETURN a.id AS s, type(r) AS t, b.id AS o",
        synergy_graph,
    )
    assert labels == {r["id"]: r["name"] for r in nodes}
    assert triples == {(r["s"], r["t"], r["o"]) for r in links}
    assert len({t for _s, t, _o in triples}) > 1


def test_export_keeps_the_projection_filters(synergy_graph: Settings, tmp_path: Path) -> None:
    out = tmp_path / "netz.gexf"
    args = ["export", "--format", "gexf", "--out", str(out), "--link-type", "SIGNED"]
    assert runner.invoke(app, args).exit_code == 0
    labels, triples = _read_back("gexf", out)
    assert triples and {t for _s, t, _o in triples} == {"SIGNED"}
    assert set(labels) == set(project(synergy_graph, link_types=["SIGNED"]).nodes)


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
