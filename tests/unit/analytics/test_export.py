"""Exports read back: the same nodes, names as labels, one directed edge per link type."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import networkx as nx
import pytest

from queries.errors import InputError
from queries.export import EDGE_COLUMNS, NODE_COLUMNS, export_graph, typed_graph
from queries.export_gexf import GEXF_NS

NODES = [
    {"id": "stadt-a", "label": "Organisation", "name": "Stadt Ä", "type": "Kommune",
     "aliases": ["A-Stadt", "Ä"]},
    {"id": "verein-b", "label": "Organisation", "name": "Verein <B> & Co", "type": None},
    {"id": "verein-c", "label": "Organisation", "name": "Verein C; \"Zeile\"\nzwei",
     "type": "Verein"},
    {"id": "iq", "label": "Programme", "name": "IQ", "kind": "Netzwerk"},
    {"id": "alone", "label": "Organisation", "name": "Allein", "type": "Verein"},
]  # fmt: skip
LINKS = [
    {"source": "stadt-a", "target": "iq", "type": "PARTICIPATES_IN", "docs": ["d1", "d2"],
     "lines": [3, 9], "quotes": ["A nimmt an IQ teil.", "Auch 2022."]},
    {"source": "stadt-a", "target": "iq", "type": "SIGNED", "docs": ["d2"], "lines": [4],
     "quotes": ["A unterzeichnet."]},
    {"source": "verein-b", "target": "iq", "type": "PARTICIPATES_IN", "docs": [], "lines": [],
     "quotes": []},
    {"source": "stadt-a", "target": "verein-c", "type": "COOPERATES_WITH", "docs": ["d1"],
     "lines": [5], "quotes": ["A und C kooperieren."]},
]  # fmt: skip
YEARS = {"d1": 2021, "d2": 2022}
TRIPLES = {(r["source"], r["type"], r["target"]) for r in LINKS}
NAMES = {n["id"]: n["name"] for n in NODES}


@pytest.fixture()
def H() -> nx.MultiDiGraph:
    return typed_graph(NODES, LINKS, YEARS)


def test_typed_graph_keeps_each_link_type(H: nx.MultiDiGraph) -> None:
    assert {(u, k, v) for u, v, k in H.edges(keys=True)} == TRIPLES
    edge = H.edges["stadt-a", "iq", "PARTICIPATES_IN"]
    assert (edge["year"], edge["years"], edge["evidence"]) == (2021, "2021; 2022", 2)
    assert H.edges["verein-b", "iq", "PARTICIPATES_IN"]["year"] is None
    assert H.nodes["iq"]["entity"] == "Programm" and H.nodes["stadt-a"]["label"] == "Stadt Ä"


def test_gexf_is_gexf_13_and_reads_back(H: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "netz.gexf"
    assert export_graph(H, "gexf", out) == [out]
    # structure the GEXF 1.3 schema demands (no schema file offline): namespace, version,
    # declared attributes, edges between declared nodes, unique ids, a kind per edge
    root = ET.parse(out).getroot()
    ns = {"g": GEXF_NS}
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    graph = root.find("g:graph", ns)
    assert graph is not None and graph.get("defaultedgetype") == "directed"
    declared = {
        cls: {a.get("id") for a in graph.findall(f"g:attributes[@class='{cls}']/g:attribute", ns)}
        for cls in ("node", "edge")
    }
    node_ids = [n.get("id") for n in graph.findall("g:nodes/g:node", ns)]
    edges = graph.findall("g:edges/g:edge", ns)
    assert len(node_ids) == len(set(node_ids)) == 5
    assert len({e.get("id") for e in edges}) == len(edges) == 4
    for e in edges:
        assert e.get("source") in node_ids and e.get("target") in node_ids and e.get("kind")
        assert {v.get("for") for v in e.findall("g:attvalues/g:attvalue", ns)} <= declared["edge"]
    for n in graph.findall("g:nodes/g:node", ns):
        assert {v.get("for") for v in n.findall("g:attvalues/g:attvalue", ns)} <= declared["node"]
    back = nx.read_gexf(out, version="1.3")
    assert back.is_directed() and back.is_multigraph()
    assert {n: d["label"] for n, d in back.nodes(data=True)} == NAMES
    assert {(u, d["link_type"], v) for u, v, d in back.edges(data=True)} == TRIPLES
    years = {(u, d["link_type"], v): d.get("year") for u, v, d in back.edges(data=True)}
    assert years[("stadt-a", "SIGNED", "iq")] == 2022
    assert back.nodes["stadt-a"]["type"] == "Kommune"


def test_graphml_reads_back(H: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "netz.graphml"
    export_graph(H, "graphml", out)
    back = nx.read_graphml(out, force_multigraph=True)
    assert back.is_directed() and back.is_multigraph()
    assert {n: d["label"] for n, d in back.nodes(data=True)} == NAMES
    assert {(u, d["link_type"], v) for u, v, d in back.edges(data=True)} == TRIPLES
    cooperation = next(
        d for _u, _v, d in back.edges(data=True) if d["link_type"] == "COOPERATES_WITH"
    )
    assert (cooperation["year"], cooperation["evidence"]) == (2021, 1)
    assert back.nodes["iq"]["entity"] == "Programm"


def test_json_reads_back(H: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "netz.json"
    export_graph(H, "JSON", out)
    back = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    assert nx.utils.graphs_equal(back, H)


@pytest.mark.parametrize(
    ("fmt", "encoding", "delimiter"), [("csv", "utf-8", ","), ("csv-excel", "utf-8-sig", ";")]
)
def test_csv_dialects_read_back(
    H: nx.MultiDiGraph, tmp_path: Path, fmt: str, encoding: str, delimiter: str
) -> None:
    edges_path, nodes_path = export_graph(H, fmt, tmp_path / "netz.csv")
    raw = edges_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (fmt == "csv-excel")
    with edges_path.open(encoding=encoding, newline="") as fh:
        edges = list(csv.DictReader(fh, delimiter=delimiter))
    with nodes_path.open(encoding=encoding, newline="") as fh:
        nodes = list(csv.DictReader(fh, delimiter=delimiter))
    assert tuple(edges[0]) == EDGE_COLUMNS and tuple(nodes[0]) == NODE_COLUMNS
    assert {n["id"]: n["label"] for n in nodes} == NAMES  # separators and line breaks survive
    assert {(e["source"], e["link_type"], e["target"]) for e in edges} == TRIPLES
    signed = next(e for e in edges if e["link_type"] == "SIGNED")
    assert (signed["year"], signed["label"], signed["target_label"]) == (
        "2022",
        "hat unterzeichnet",
        "IQ",
    )


def test_unknown_export_format(H: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="graphml, gexf, csv, csv-excel, json"):
        export_graph(H, "xlsx", tmp_path / "x.xlsx")
