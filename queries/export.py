"""The network as files for other tools: GraphML, GEXF 1.3, CSV (two dialects), JSON.

Why one edge per link type: Gephi, yEd and Cytoscape show what they are given, and a
coordinator filtering "nur Förderung" needs the funding link as its own directed edge, not
a merged edge with a list of types. So the export graph is a :class:`networkx.MultiDiGraph`
built by :func:`typed_graph`:

* nodes (keyed by id): ``label`` — the name, which tools show —, ``name``, ``entity``
  (``Organisation`` | ``Programm``), ``type`` (organisation type or programme kind),
  ``aliases`` (``; ``-separated);
* edges, one per stored link (source -> target as stored, ``COOPERATES_WITH`` from the
  smaller id to the larger): ``id``, ``link_type``, ``label`` (German, e.g. "gefördert
  von"), ``year`` (the earliest year among its evidence: stated in the sentence, else the
  report's), ``years``,
  ``evidence`` (how many places name it; ``weight`` the same, at least 1),
  ``documents`` and the first ``quote``.

CSV is two files: ``PATH`` holds the edges, ``<stem>_nodes.csv`` beside it the nodes;
``csv`` is plain CSV, ``csv-excel`` the German Excel dialect of :mod:`queries.tables`.

>>> H = typed_graph(
...     [{"id": "a", "label": "Organisation", "name": "Stadt A", "type": "Kommune"},
...      {"id": "p", "label": "Programme", "name": "IQ", "kind": "Netzwerk"}],
...     [{"source": "a", "target": "p", "type": "SIGNED", "docs": ["d"], "lines": [3],
...       "quotes": ["A unterzeichnet IQ."]}], {"d": 2021})
>>> H.nodes["a"]["label"], H.edges["a", "p", "SIGNED"]["year"]
('Stadt A', 2021)
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from . import db
from .documents import document_infos
from .errors import InputError
from .export_gexf import write_gexf13
from .schema import LINK_TYPES
from .settings import Settings
from .statements import statement
from .tables import write_csv

__all__ = ["export_graph", "export_network", "typed_graph", "EXPORT_FORMATS", "LINK_LABELS"]

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("graphml", "gexf", "csv", "csv-excel", "json")
LINK_LABELS = {
    "COOPERATES_WITH": "kooperiert mit",
    "PARTICIPATES_IN": "nimmt teil an",
    "SIGNED": "hat unterzeichnet",
    "FUNDED_BY": "gefördert von",
    "PART_OF": "ist Teil von",
    "ORGANISED_BY": "organisiert von",
}
_ENTITY = {"Organisation": "Organisation", "Programme": "Programm"}
NODE_COLUMNS = ("id", "label", "entity", "type", "aliases")
EDGE_COLUMNS = (
    "source", "target", "source_label", "target_label", "link_type", "label", "year", "years",
    "evidence", "documents", "quote",
)  # fmt: skip
_LINKS = statement("export_links")
_NODES = statement("analytics_nodes")
_QUOTE_CHARS = 300


def typed_graph(
    nodes: Iterable[Mapping[str, Any]],
    links: Iterable[Mapping[str, Any]],
    years: Mapping[str, int | None],
) -> nx.MultiDiGraph:
    """The export graph from node rows (as the projection reads them), link rows with
    their evidence lists (``years``: the stored year of each entry, -1 unknown), and the
    report year of each document for the entries without one."""
    H = nx.MultiDiGraph()
    for row in nodes:
        name = row.get("name") or row["id"]
        attrs = {
            "label": name,
            "name": name,
            "entity": _ENTITY.get(row["label"], row["label"]),
            "type": row.get("type") or row.get("kind") or "",
            "aliases": "; ".join(row.get("aliases") or ()),
        }
        H.add_node(row["id"], **attrs)
    for i, row in enumerate(links):
        u, v, kind = row["source"], row["target"], row["type"]
        if u not in H or v not in H:
            continue
        docs = list(row.get("docs") or ())
        stated = list(row.get("years") or ())  # ev_years: -1 where unknown
        found = sorted(
            {
                y
                for i, d in enumerate(docs)
                if (y := stated[i] if i < len(stated) and stated[i] >= 0 else years.get(d))
                is not None
            }
        )
        quotes = [q for q in row.get("quotes") or () if q]
        H.add_edge(
            u,
            v,
            key=kind,
            id=f"e{i}",
            link_type=kind,
            label=LINK_LABELS.get(kind, kind),
            year=found[0] if found else None,
            years="; ".join(str(y) for y in found),
            evidence=len(docs),
            weight=max(len(docs), 1),
            documents="; ".join(dict.fromkeys(docs)),
            quote=quotes[0][:_QUOTE_CHARS] if quotes else "",
        )
    return H


def export_network(G: nx.Graph, settings: Settings | None = None) -> nx.MultiDiGraph:
    """The typed export graph over the nodes and link types of the projection ``G``
    (so the projection's filters apply)."""
    types = sorted({t for _u, _v, d in G.edges(data=True) for t in d["types"].split(",")})
    types = [t.value for t in LINK_TYPES if t.value in types]
    links = db.read(_LINKS, settings, ids=list(G.nodes), types=types) if types else []
    kept = [r for r in links if G.has_edge(r["source"], r["target"])]
    years = {k: d.year for k, d in document_infos(settings).items()}
    nodes = [r for r in db.read(_NODES, settings) if r["id"] in G]
    return typed_graph(nodes, kept, years)


def _graphml_ready(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML wants one type per attribute: an unknown year is left out, not None."""
    out = nx.MultiDiGraph()
    out.add_nodes_from(H.nodes(data=True))
    for u, v, k, d in H.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **{a: x for a, x in d.items() if x is not None})
    return out


def _write_csv(H: nx.MultiDiGraph, out: Path, dialect: str) -> list[Path]:
    nodes_path = out.with_name(f"{out.stem}_nodes.csv")
    names = dict(H.nodes(data="label"))
    edges = [
        {"source": u, "target": v, "source_label": names[u], "target_label": names[v], **d}
        for u, v, d in H.edges(data=True)
    ]
    write_csv(out, EDGE_COLUMNS, edges, dialect)
    write_csv(nodes_path, NODE_COLUMNS, [{"id": n, **d} for n, d in H.nodes(data=True)], dialect)
    return [out, nodes_path]


def export_graph(H: nx.MultiDiGraph, fmt: str, out: Path) -> list[Path]:
    """Write the export graph ``H`` in format ``fmt`` to ``out``; returns the files written."""
    fmt = fmt.lower()
    if fmt not in EXPORT_FORMATS:
        raise InputError(
            "format", f"unknown export format {fmt!r}; allowed: " + ", ".join(EXPORT_FORMATS)
        )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            nx.write_graphml(_graphml_ready(H), out, edge_id_from_attribute="id")
            written = [out]
        elif fmt == "gexf":
            write_gexf13(H, out)
            written = [out]
        elif fmt == "json":
            data = nx.node_link_data(H, edges="edges")
            out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            written = [out]
        else:
            written = _write_csv(H, out, "excel-de" if fmt == "csv-excel" else "plain")
    except OSError as exc:
        raise InputError(str(out), f"cannot write the export: {exc.strerror or exc}") from exc
    log.info(
        "exported %d nodes, %d edges as %s to %s",
        H.number_of_nodes(),
        H.number_of_edges(),
        fmt,
        out,
    )
    return written
