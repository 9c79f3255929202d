"""The projected network as files for other tools: GraphML, GEXF, CSV, JSON.

Why: coordinators open the network in Gephi or yEd (GraphML, GEXF), in a spreadsheet
(CSV) or in a web visualisation (JSON, the node-link form of networkx). Every format
carries the same nodes and edges with the attributes of :mod:`queries.projection`
(``label``, ``name``, ``type``/``kind``; ``types``, ``weight`` and one evidence count per
link type), so a re-import gives the same graph.

CSV is two files: ``PATH`` holds the edges, ``<stem>_nodes.csv`` beside it the nodes.

>>> import networkx as nx, tempfile, pathlib
>>> G = nx.Graph([("a", "b", {"weight": 2, "types": "COOPERATES_WITH"})])
>>> with tempfile.TemporaryDirectory() as tmp:
...     paths = export_graph(G, "csv", pathlib.Path(tmp) / "net.csv")
...     [p.name for p in paths], paths[0].read_text().splitlines()[0]
(['net.csv', 'net_nodes.csv'], 'source,target,types,weight')
"""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

import networkx as nx

from .errors import InputError

__all__ = ["export_graph", "EXPORT_FORMATS"]

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("graphml", "gexf", "csv", "json")
_NODE_FIRST = ("id", "label", "name", "type", "kind")
_EDGE_FIRST = ("source", "target", "types", "weight")


def _columns(first: tuple[str, ...], rows: list[dict]) -> list[str]:
    seen = {k for r in rows for k in r}
    return [c for c in first if c in seen or c in first[:2]] + sorted(seen - set(first))


def _write_csv(G: nx.Graph, out: Path) -> list[Path]:
    nodes_path = out.with_name(f"{out.stem}_nodes.csv")
    edges = [{"source": u, "target": v, **d} for u, v, d in G.edges(data=True)]
    nodes = [{"id": n, **d} for n, d in G.nodes(data=True)]
    for path, first, rows in ((out, _EDGE_FIRST, edges), (nodes_path, _NODE_FIRST, nodes)):
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=_columns(first, rows), restval="")
            writer.writeheader()
            writer.writerows(rows)
    return [out, nodes_path]


def export_graph(G: nx.Graph, fmt: str, out: Path) -> list[Path]:
    """Write ``G`` in format ``fmt`` to ``out``; returns the files written."""
    fmt = fmt.lower()
    if fmt not in EXPORT_FORMATS:
        raise InputError(
            "format", f"unknown export format {fmt!r}; allowed: " + ", ".join(EXPORT_FORMATS)
        )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            nx.write_graphml(G, out)
            written = [out]
        elif fmt == "gexf":
            nx.write_gexf(G, out)
            written = [out]
        elif fmt == "json":
            data = nx.node_link_data(G, edges="edges")
            out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            written = [out]
        else:
            written = _write_csv(G, out)
    except OSError as exc:
        raise InputError(str(out), f"cannot write the export: {exc.strerror or exc}") from exc
    log.info(
        "exported %d nodes, %d edges as %s to %s",
        G.number_of_nodes(),
        G.number_of_edges(),
        fmt,
        out,
    )
    return written
