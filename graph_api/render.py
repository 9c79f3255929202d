"""Network data for the pages, built with pyvis: colours, sizes, edge styles, tooltips.

pyvis assembles the vis-network nodes, edges and options (its own template references
CDNs, so it renders ours, ``templates/pyvis_data.html``, which only embeds the data as
JSON). Page chrome, legend, filters and search are in the page templates and
``static/network.js``. Large networks get positions from networkx server-side, because a
browser needs far longer than a seeded spring layout to settle thousands of nodes. Node size
is PageRank on the shown network (:mod:`queries.network_graph`), not the plain degree, so a
hub of well-documented links outweighs a node with many one-off mentions.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pyvis.network import Network as PyvisNetwork

from queries.network_graph import IMPORTANCE_LABEL, importance, topology
from queries.records import NetLink, NetNode, Network
from queries.schema import CATEGORIES

from .render_layout import positions

__all__ = [
    "TEMPLATES",
    "ORG_TYPE_STYLE",
    "LINK_STYLE",
    "LAYOUT_SERVER_ABOVE",
    "network_payload",
    "GROUP_STYLE",
    "PROGRAMME_GROUP_COLOUR",
    "filters_of",
    "vis_options",
    "payload_html",
    "SIZE_HINT",
    "SEARCH_URL",
    "times_average",
    "years_of",
]

TEMPLATES = Path(__file__).parent / "templates"
LAYOUT_SERVER_ABOVE = 300  # nodes; above this, positions come from networkx, physics off

# organisation type -> (German label, colour); "Programm" and groups are kinds of their own
ORG_TYPE_STYLE: dict[str, tuple[str, str]] = {
    "Kommune": ("Kommune", "#1f77b4"),
    "Kreis": ("Kreis", "#4a90d9"),
    "Landesbehoerde": ("Landesbehörde", "#17becf"),
    "Bezirksregierung": ("Bezirksregierung", "#0e7c86"),
    "Polizei": ("Polizei", "#2c3e80"),
    "Jobcenter": ("Jobcenter", "#9467bd"),
    "Ministerium": ("Ministerium", "#5b3a8e"),
    "Wohlfahrtsverband": ("Wohlfahrtsverband", "#e377c2"),
    "Verband": ("Verband", "#c25b9b"),
    "Verein": ("Verein", "#ff7f0e"),
    "Unternehmen": ("Unternehmen", "#8c564b"),
    "Kammer": ("Kammer", "#bcbd22"),
    "Hochschule": ("Hochschule", "#2ca02c"),
    "Schule": ("Schule", "#98df8a"),
    "Medien": ("Medien", "#7f7f7f"),
    "Stiftung": ("Stiftung", "#d62728"),
    "Gewerkschaft": ("Gewerkschaft", "#ff9896"),
    "Bundesbehoerde": ("Bundesbehörde", "#006d5b"),
    "Sonstige": ("Sonstige", "#a0a0a0"),
}
PROGRAMME_STYLE = ("Programm", "#f1c40f")
GROUP_STYLE = ("Gruppe", "#b0bec5")
PROGRAMME_GROUP_COLOUR = "#f5dd7a"
SIZE_HINT = f"Größe: {IMPORTANCE_LABEL}."
SEARCH_URL = "/api/suche"  # the name search (folded, one typo) behind the pages' search box

# link type -> (German label, colour, dashes, directed)
LINK_STYLE: dict[str, tuple[str, str, Any, bool]] = {
    "COOPERATES_WITH": ("kooperiert mit", "#2b7bb9", False, False),
    "PARTICIPATES_IN": ("nimmt teil an", "#3a9d5d", [6, 4], True),
    "SIGNED": ("hat unterzeichnet", "#8e44ad", [2, 4], True),
    "FUNDED_BY": ("gefördert von", "#d68910", False, True),
    "PART_OF": ("ist Teil von", "#616a6b", [10, 4, 2, 4], True),
    "ORGANISED_BY": ("organisiert von", "#c0392b", [4, 4], True),
}


def _type_style(node: NetNode) -> tuple[str, str, str]:
    """(filter value, German label, colour) of a node's type."""
    if node.kind == "prog":
        return ("Programm", *PROGRAMME_STYLE)
    t = node.type or "Sonstige"
    label, colour = ORG_TYPE_STYLE.get(t, (t, ORG_TYPE_STYLE["Sonstige"][1]))
    return t, label, colour


def times_average(value: float) -> str:
    """An importance (1.0 = average node) in German words.

    >>> times_average(2.345)
    '2,3 × Durchschnitt'
    """
    return f"{value:.1f}".replace(".", ",") + " × Durchschnitt"


def _node_tooltip(node: NetNode, degree: int, rank: float) -> str:
    _, label, _ = _type_style(node)
    lines = [
        node.name,
        f"Typ: {label}" + (f" ({node.type})" if node.kind == "prog" and node.type else ""),
        f"Verbindungen: {degree}",
        f"Zentralität (PageRank): {times_average(rank)}",
    ]
    if node.categories:
        lines.append("Handlungsfelder: " + ", ".join(str(c) for c in node.categories))
    return "\n".join(lines)


def _edge_tooltip(link: NetLink, names: dict[str, str]) -> str:
    label = LINK_STYLE[link.type][0] if link.type in LINK_STYLE else link.type
    lines = [
        f"{names.get(link.source, link.source)} – {label} – {names.get(link.target, link.target)}"
    ]
    for ev in link.evidence:
        where = (ev.source or ev.doc) + (f", Zeile {ev.line}" if ev.line else "")
        lines.append(f"Beleg: „{ev.quote}“ ({where})")
    if link.years:
        lines.append("Jahr: " + ", ".join(str(y) for y in link.years))
    if link.evidence_count > len(link.evidence):
        lines.append(f"… und {link.evidence_count - len(link.evidence)} weitere Belege")
    return "\n".join(lines)


def vis_options(physics: bool, n_nodes: int) -> dict[str, Any]:
    big = n_nodes > 150
    return {
        "autoResize": True,
        "nodes": {
            "shape": "dot",
            "scaling": {"min": 8, "max": 40, "label": {"enabled": True, "min": 11, "max": 22}},
            "font": {"size": 13, "face": "sans-serif"},
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False if big else {"type": "continuous"},
            "width": 1.4,
            "selectionWidth": 2,
            "hoverWidth": 0.5,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "multiselect": False,
            "navigationButtons": False,
        },
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -4000,
                "springLength": 110,
                "springConstant": 0.04,
                "damping": 0.3,
                "avoidOverlap": 0.1,
            },
            "stabilization": {
                "enabled": physics,
                "iterations": 400 if not big else 250,
                "updateInterval": 25,
                "fit": True,
            },
            "minVelocity": 1.0,
        },
    }


def _pyvis(
    net: Network,
    *,
    urls: bool,
    layout: bool | None = None,
    ranks: Mapping[str, float] | None = None,
) -> PyvisNetwork:
    """Nodes and edges of ``net`` as a pyvis network (directed, so pyvis keeps each link)."""
    server_layout = len(net.nodes) > LAYOUT_SERVER_ABOVE if layout is None else layout
    pos = positions(net) if server_layout else {}
    rank = importance(topology(net)) if ranks is None else ranks
    degree: Counter[str] = Counter()
    for lk in net.links:
        degree[lk.source] += 1
        degree[lk.target] += 1
    programmes_of: dict[str, set[str]] = {}
    for lk in net.links:
        for a, b in ((lk.source, lk.target), (lk.target, lk.source)):
            if b.startswith("prog:"):
                programmes_of.setdefault(a, set()).add(b)
    pv = PyvisNetwork(directed=True, cdn_resources="local")
    for node in net.nodes:
        value, label, colour = _type_style(node)
        extra: dict[str, Any] = {"x": pos[node.key][0], "y": pos[node.key][1]} if pos else {}
        if urls:
            extra["url"] = ("/organisation/" if node.kind == "org" else "/programm/") + node.id
        pv.add_node(
            node.key,
            label=node.name if len(node.name) <= 40 else node.name[:38] + "…",
            shape="diamond" if node.kind == "prog" else "dot",
            color=colour,
            title=_node_tooltip(node, degree[node.key], rank.get(node.key, 1.0)),
            value=rank.get(node.key, 1.0),
            kind=node.kind,
            otype=value,
            tlabel=label,
            name=node.name,
            progs=sorted(programmes_of.get(node.key, ()))
            + ([node.key] if node.kind == "prog" else []),
            cats=list(node.categories),
            years=list(node.years),
            centre=node.key == net.centre,
            borderWidth=4 if node.key == net.centre else 1,
            **extra,
        )
    names = {n.key: n.name for n in net.nodes}
    for i, lk in enumerate(net.links):
        if lk.source not in names or lk.target not in names:
            continue
        label, colour, dashes, directed = LINK_STYLE.get(lk.type, (lk.type, "#999", False, True))
        pv.add_edge(
            lk.source,
            lk.target,
            id=f"e{i}",
            color=colour,
            dashes=dashes,
            arrows="to" if directed else "",
            title=_edge_tooltip(lk, names),
            ltype=lk.type,
            ofrom=lk.source,
            oto=lk.target,
            years=list(lk.years),
        )
    pv.set_options(json.dumps(vis_options(physics=not server_layout, n_nodes=len(net.nodes))))
    return pv


def filters_of(net: Network) -> dict[str, Any]:
    types = {_type_style(n)[:2] for n in net.nodes}
    type_order = list(ORG_TYPE_STYLE) + ["Programm"]
    otypes = sorted(
        types, key=lambda t: (type_order.index(t[0]) if t[0] in type_order else 99, t[0])
    )
    colours = {v: _type_style(n)[2] for n in net.nodes for v in [_type_style(n)[0]]}
    present_links = {lk.type for lk in net.links}
    cats = sorted({c for n in net.nodes for c in n.categories})
    return {
        "otypes": [[v, label, colours[v]] for v, label in otypes],
        "programmes": sorted(
            ([n.key, n.name] for n in net.nodes if n.kind == "prog"), key=lambda p: p[1].lower()
        ),
        "categories": [[c, f"{c}: {CATEGORIES.get(c, '?')}"] for c in cats],
        "links": [[t, s[0], s[1], s[2], s[3]] for t, s in LINK_STYLE.items() if t in present_links],
        "years": years_of(net),
    }


def years_of(net: Network) -> list[int]:
    """The years the range control offers: every year a shown link or node carries (the
    reports' years, and years stated in link sentences), ascending.

    >>> years_of(Network((NetNode("org", "a", "A", None, years=(2021,)),),
    ...                  (NetLink("org:a", "org:a", "SIGNED", years=(2019, 2021)),)))
    [2019, 2021]
    """
    return sorted({y for n in net.nodes for y in n.years} | {y for k in net.links for y in k.years})


def network_payload(
    net: Network,
    *,
    urls: bool = True,
    layout: bool | None = None,
    ranks: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """Everything ``network.js`` needs: vis nodes, edges, options, filters and legend.

    ``ranks`` (node key -> importance) sizes the nodes; by default PageRank on ``net``.
    """
    pv = _pyvis(net, urls=urls, layout=layout, ranks=ranks)
    nodes, edges, _h, _ht, _w, options = pv.get_network_data()
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "filters": filters_of(net),
        "truncated": net.truncated,
        "centre": net.centre,
        "group_url": None,
        "search_url": SEARCH_URL if urls else None,
        "members": [],
        "size_hint": SIZE_HINT,
        "png_name": (net.centre or "netzwerk").replace(":", "-"),
    }


def payload_html(payload: dict[str, Any]) -> str:
    """The payload as an inert ``<script type="application/json">`` block, rendered by pyvis
    with our template (``tojson`` escapes ``<``, ``>`` and ``&``, so corpus text cannot end
    the script)."""
    pv = PyvisNetwork(cdn_resources="local")
    pv.set_template_dir(str(TEMPLATES), "pyvis_data.html")
    pv.nodes, pv.edges = payload["nodes"], payload["edges"]
    pv.options = payload["options"]
    rest = {k: v for k, v in payload.items() if k not in ("nodes", "edges", "options")}
    pv.heading = json.dumps(rest)  # carried through pyvis's `heading` and parsed back
    html: str = pv.generate_html()
    return html
