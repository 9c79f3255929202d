"""The Neo4j graph as a networkx graph, so that analytics are plain functions over ``G``.

Why a projection: centrality, communities and synergy scores need the whole network in
memory, and networkx (plus scipy) is what the analytics are written against. Only
organisations and programmes become nodes; measures, documents and categories stay in
Neo4j and reach the analytics as per-organisation profiles (:func:`measure_profiles`).

The projection is an undirected :class:`networkx.Graph` because every measure here asks
"who is connected to whom", not "who points at whom". Several typed links between the
same two nodes become one edge that remembers them:

* node attributes: ``label`` (``Organisation`` | ``Programme``), ``name``, and ``type``
  (organisations) or ``kind`` (programmes) when known;
* edge attributes: ``types`` (the link types, comma-separated and sorted), one integer per
  link type with its evidence count (e.g. ``COOPERATES_WITH=2``) and ``weight``, the total
  evidence count (at least 1 per link, so a curated link without evidence still counts).

All attributes are scalars, so the graph can be written as GraphML or GEXF unchanged.

>>> G = from_rows(
...     [{"id": "a", "label": "Organisation", "name": "A", "type": "Verein", "kind": None},
...      {"id": "p", "label": "Programme", "name": "P", "type": None, "kind": "Netzwerk"}],
...     [{"source": "a", "target": "p", "type": "SIGNED", "evidence": 2},
...      {"source": "a", "target": "p", "type": "PARTICIPATES_IN", "evidence": 1}])
>>> G.edges["a", "p"]["types"], G.edges["a", "p"]["weight"]
('PARTICIPATES_IN,SIGNED', 3)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from . import db
from .errors import InputError
from .schema import CATEGORIES, LINK_TYPES, RelType
from .settings import Settings
from .statements import statement

__all__ = [
    "project",
    "from_rows",
    "measure_profiles",
    "synergy_neighbourhood",
    "similar_profiles",
    "organisations_naming",
    "link_types_of",
    "parse_link_types",
    "ORGANISATION",
    "PROGRAMME",
]

log = logging.getLogger(__name__)

ORGANISATION = "Organisation"
PROGRAMME = "Programme"

_NODES = statement("analytics_nodes")
_LINKS = statement("analytics_links")
_PROFILES = statement("analytics_measure_profiles")
_IN_CATEGORIES = statement("analytics_orgs_in_categories")
_SYNERGY_LINKS = statement("analytics_synergy_links")
_NODES_BY_IDS = statement("analytics_nodes_by_ids")
_NAMING = statement("analytics_orgs_naming")
_SIMILAR_PROFILES = statement("analytics_similar_profiles")


def parse_link_types(names: Iterable[str] | None) -> tuple[RelType, ...]:
    """Link types from user input (any case); unknown names are an :class:`InputError`.

    >>> parse_link_types(["signed", "COOPERATES_WITH"])
    (<RelType.SIGNED: 'SIGNED'>, <RelType.COOPERATES_WITH: 'COOPERATES_WITH'>)
    """
    if names is None:
        return LINK_TYPES
    chosen = []
    for name in names:
        key = name.strip().upper()
        if key not in {t.value for t in LINK_TYPES}:
            allowed = ", ".join(t.value for t in LINK_TYPES)
            raise InputError("link type", f"unknown link type {name!r}; allowed: {allowed}")
        chosen.append(RelType(key))
    return tuple(dict.fromkeys(chosen))


def link_types_of(G: nx.Graph, u: str, v: str) -> frozenset[str]:
    """The link types an edge of the projection stands for."""
    types = G.edges[u, v].get("types", "")
    return frozenset(t for t in types.split(",") if t)


def from_rows(nodes: Iterable[Mapping[str, Any]], links: Iterable[Mapping[str, Any]]) -> nx.Graph:
    """Build the projection from node and link rows (as :func:`project` reads them)."""
    G = nx.Graph()
    for row in nodes:
        attrs = {"label": row["label"], "name": row.get("name") or row["id"]}
        for key in ("type", "kind"):
            if row.get(key) is not None:
                attrs[key] = row[key]
        G.add_node(row["id"], **attrs)
    for row in links:
        u, v, kind = row["source"], row["target"], row["type"]
        if u == v or u not in G or v not in G:
            continue
        evidence = max(int(row.get("evidence") or 0), 1)
        data = G.get_edge_data(u, v)
        if data is None:
            G.add_edge(u, v, types=kind, weight=evidence, **{kind: evidence})
            continue
        data[kind] = data.get(kind, 0) + evidence
        data["weight"] += evidence
        data["types"] = ",".join(sorted(set(data["types"].split(",")) | {kind}))
    return G


def project(
    settings: Settings | None = None,
    *,
    link_types: Iterable[str] | None = None,
    programmes: Iterable[str] | None = None,
    categories: Iterable[int] | None = None,
) -> nx.Graph:
    """Read organisations, programmes and their typed links from Neo4j.

    ``link_types`` keeps only those link types. ``programmes`` (ids) keeps those
    programmes and the organisations linked to them, with the links among these nodes.
    ``categories`` (fields of action 1-6) keeps the organisations reporting a measure in
    one of them, plus the programmes they are linked to. Nodes left without any link by a
    programme or category filter are dropped; without filters isolated nodes stay.
    """
    types = [t.value for t in parse_link_types(link_types)]
    G = from_rows(db.read(_NODES, settings), db.read(_LINKS, settings, types=types))
    if programmes is not None:
        wanted = set(programmes)
        unknown = sorted(p for p in wanted if G.nodes.get(p, {}).get("label") != PROGRAMME)
        if unknown:
            raise InputError("programme", f"no programme with id {', '.join(unknown)}")
        keep = set(wanted)
        for p in wanted:
            keep.update(n for n in G[p] if G.nodes[n]["label"] == ORGANISATION)
        G = _linked_part(G.subgraph(keep))
    if categories is not None:
        cats = sorted({int(c) for c in categories})
        bad = [c for c in cats if c not in CATEGORIES]
        if bad:
            raise InputError("field of action", f"unknown field(s) {bad}; allowed: 1-6")
        orgs = {r["id"] for r in db.read(_IN_CATEGORIES, settings, categories=cats)}
        keep = {n for n in orgs if n in G}
        for n in list(keep):
            keep.update(m for m in G[n] if G.nodes[m]["label"] == PROGRAMME)
        G = _linked_part(G.subgraph(keep))
    log.info("projection: %d nodes, %d edges", G.number_of_nodes(), G.number_of_edges())
    return G


def _linked_part(H: nx.Graph) -> nx.Graph:
    G = nx.Graph(H)
    G.remove_nodes_from([n for n, d in G.degree() if d == 0])
    return G


def measure_profiles(settings: Settings | None = None) -> dict[str, dict[str, float]]:
    """Per organisation: how many measures it reports per field of action and measure type.

    Keys are ``"feld:<1-6>"`` and ``"typ:<measure-type id>"``; the synergy score compares
    organisations by the cosine of these vectors.
    """
    return _profiles(db.read(_PROFILES, settings))


def similar_profiles(
    org_id: str, min_similarity: float, settings: Settings | None = None
) -> dict[str, dict[str, float]]:
    """The profiles of ``org_id`` and of the organisations whose profile is at least about
    ``min_similarity`` similar to it (Neo4j filters; callers compare exactly)."""
    return _profiles(db.read(_SIMILAR_PROFILES, settings, id=org_id, min=min_similarity))


def _profiles(rows: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, float]]:
    profiles: dict[str, dict[str, float]] = {}
    for row in rows:
        prof = profiles.setdefault(row["org"], {})
        if row["category"] is not None:
            key = f"feld:{int(row['category'])}"
            prof[key] = prof.get(key, 0.0) + row["n"]
        if row["type"]:
            key = f"typ:{row['type']}"
            prof[key] = prof.get(key, 0.0) + row["n"]
    return profiles


def synergy_neighbourhood(
    org_id: str, also: Iterable[str] = (), settings: Settings | None = None
) -> nx.Graph:
    """The part of the projection that the synergy score of ``org_id`` reads.

    Its links, its programmes with their organisations, its partners with all their
    partners, plus the nodes ``also`` (organisations found by name or measure profile). Two
    hops instead of the whole graph: on 50,000 organisations the whole projection took
    longer than the per-request database timeout.
    """
    types = [t.value for t in LINK_TYPES]
    links = db.read(_SYNERGY_LINKS, settings, id=org_id, types=types)
    ids = {org_id, *also} | {r["source"] for r in links} | {r["target"] for r in links}
    return from_rows(db.read(_NODES_BY_IDS, settings, ids=sorted(ids)), links)


def organisations_naming(text: str, settings: Settings | None = None) -> list[str]:
    """Ids of the organisations whose name contains ``text``."""
    return [r["id"] for r in db.read(_NAMING, settings, text=text)]
