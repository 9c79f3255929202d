"""The projection's rows; the German report in three formats."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import networkx as nx
import pytest

from queries.errors import InputError
from queries.projection import from_rows
from queries.report import centrality_report
from vielfalt.report_render import EXPLANATIONS, actor_columns, render, write_report


@pytest.fixture()
def projected() -> nx.Graph:
    nodes = [
        {"id": "stadt-a", "label": "Organisation", "name": "Stadt Ä", "type": "Kommune"},
        {"id": "verein-b", "label": "Organisation", "name": "Verein <B> & Co", "type": None},
        {"id": "verein-c", "label": "Organisation", "name": "Verein C", "type": "Verein"},
        {"id": "iq", "label": "Programme", "name": "IQ", "kind": "Netzwerk"},
        {"id": "alone", "label": "Organisation", "name": "Allein", "type": "Verein"},
    ]
    links = [
        {"source": "stadt-a", "target": "iq", "type": "PARTICIPATES_IN", "evidence": 2},
        {"source": "stadt-a", "target": "iq", "type": "SIGNED", "evidence": 1},
        {"source": "verein-b", "target": "iq", "type": "PARTICIPATES_IN", "evidence": 0},
        {"source": "stadt-a", "target": "verein-c", "type": "COOPERATES_WITH", "evidence": 4},
    ]
    return from_rows(nodes, links)


def test_projection_rows(projected: nx.Graph) -> None:
    edge = projected.edges["stadt-a", "iq"]
    assert edge == {
        "types": "PARTICIPATES_IN,SIGNED",
        "weight": 3,
        "PARTICIPATES_IN": 2,
        "SIGNED": 1,
    }
    assert projected.edges["verein-b", "iq"]["weight"] == 1  # no evidence still counts 1
    assert "type" not in projected.nodes["verein-b"]
    assert projected.nodes["iq"] == {"label": "Programme", "name": "IQ", "kind": "Netzwerk"}


def test_report_numbers(projected: nx.Graph) -> None:
    report = centrality_report(projected)
    by_id = {a.id: a for a in report.actors}
    assert report.nodes == 5 and report.edges == 3 and report.betweenness_exact
    assert by_id["stadt-a"].degree == 2 and by_id["stadt-a"].weighted_degree == 7.0
    # the path verein-c - stadt-a - iq - verein-b (plus an isolated node, n = 5):
    # stadt-a lies on (c, iq) and (c, b), iq on (a, b) and (c, b); (n-1)(n-2)/2 = 6 pairs
    assert by_id["stadt-a"].betweenness == by_id["iq"].betweenness == round(2 / 6, 4)
    assert by_id["verein-c"].betweenness == 0.0
    assert report.actors[0].id == "stadt-a"
    assert by_id["alone"].degree == 0 and by_id["alone"].eigenvector == 0.0


def test_markdown_csv_html(projected: nx.Graph, tmp_path: Path) -> None:
    report = centrality_report(projected)
    md = render(report, "md")
    assert md.startswith("# Zentralitätsbericht")
    header = "| Rang | Akteur | Art | Grad | PageRank | Betweenness | Gemeinschaft |"
    assert header in md and "Programm" in md
    assert "Vermittler zwischen Gemeinschaften" in md
    # the isolated node is no community; exact betweenness has no standard error
    assert "Gemeinschaften (2 von 2; 1 Akteur ohne Gemeinschaft nicht mitgezählt)" in md
    assert "Standardfehler" not in md and "Standardfehler" not in "".join(actor_columns(report))
    for term, _text in EXPLANATIONS:
        assert f"- **{term}**: " in md
    rows = list(csv.reader(render(report, "csv").splitlines()))
    assert tuple(rows[0]) == actor_columns(report) and len(rows) == 6
    page = render(report, "html")
    assert page.count("data:image/png;base64,") == 2
    assert "Verein &lt;B&gt; &amp; Co" in page and "<B>" not in page
    written = write_report(report, "md", tmp_path / "bericht.md")
    assert [p.name for p in written] == [
        "bericht.md",
        "bericht-gradverteilung.png",
        "bericht-top10-pagerank.png",
    ]
    assert all(p.stat().st_size > 0 for p in written)
    assert "](bericht-gradverteilung.png)" in written[0].read_text(encoding="utf-8")
    with pytest.raises(InputError, match="md, csv, csv-excel, html"):
        render(report, "pdf")


def test_report_on_an_empty_graph(tmp_path: Path) -> None:
    report = centrality_report(nx.Graph())
    assert report.actors == [] and report.communities == []
    assert "_Keine Einträge._" in render(report, "md")
    assert len(write_report(report, "html", tmp_path / "leer.html")) == 1


def test_markdown_tables_survive_line_breaks_and_bars(tmp_path: Path) -> None:
    G = nx.Graph()
    G.add_node("x", label="Organisation", name="Verein | mit\nZeilenumbruch")
    G.add_node("y", label="Organisation", name="Y")
    G.add_edge("x", "y", weight=1)
    md = render(centrality_report(G), "md")
    assert "Zeilenumbruch" in md and "mit\nZeilenumbruch" not in md
    cells = re.compile(r"(?<!\\)\|")
    for table in re.split(r"\n\n+", md):
        lines = [line for line in table.splitlines() if line.startswith("|")]
        # every row of a table has as many unescaped separators as its header
        assert len({len(cells.findall(line)) for line in lines}) <= 1, table


def test_estimated_betweenness_shows_its_standard_error() -> None:
    G = nx.path_graph(12)
    nx.set_node_attributes(G, "Organisation", "label")
    report = centrality_report(G, k=4)
    report = type(report)(**{**report.__dict__, "betweenness_exact": False})
    md = render(report, "md")
    assert "Betweenness ± Standardfehler" in md and " ± " in md
    assert "Standardfehler Betweenness" in actor_columns(report)


def test_csv_for_german_excel(projected: nx.Graph, tmp_path: Path) -> None:
    report = centrality_report(projected)
    out = write_report(report, "csv-excel", tmp_path / "bericht.csv")[0]
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert len(rows) == 5 and {r["Kennung"] for r in rows} == set(projected.nodes)
    first = rows[0]
    assert "," in first["PageRank"] and "." not in first["PageRank"]
    assert float(first["PageRank"].replace(",", ".")) == report.actors[0].pagerank
