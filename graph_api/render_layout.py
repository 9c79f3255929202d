"""Server-side positions for large networks: communities laid out apart, then each inside.

A force layout of all nodes at once costs O(n²) per step in networkx (about 25 s for 2,000
nodes on the 2-core test machine) and as long again as browser physics. Laying out each
community on its own (small, dense, fast) and the communities as a weighted graph of a few
dozen nodes gives the same picture - clusters apart, members together - in a fraction of a
second. Positions depend only on the topology (which nodes, which pairs linked), so they
are computed once per topology and reused until a node or link comes or goes.
"""

from __future__ import annotations

import math
from functools import lru_cache

import networkx as nx

from queries.network_graph import Topology, topology
from queries.network_groups import communities
from queries.records import Network

__all__ = ["positions", "iterations_for", "clear_layouts"]

SPACING = 28.0  # px per sqrt(node): a group of n nodes gets a disc of radius SPACING*sqrt(n)


def iterations_for(size: int) -> int:
    """Spring-layout steps for a community of ``size`` nodes: a small one settles in a few
    dozen steps; the cost per step grows with size², so larger ones get fewer.

    >>> [iterations_for(n) for n in (10, 100, 1000)]
    [40, 25, 12]
    """
    return 40 if size <= 50 else 25 if size <= 400 else 12


def _grid(members: tuple[str, ...], radius: float) -> dict[str, tuple[float, float]]:
    side = max(1, math.ceil(math.sqrt(len(members))))
    step = 2 * radius / side
    return {
        m: ((i % side) * step - radius, (i // side) * step - radius) for i, m in enumerate(members)
    }


def _centres(meta: nx.Graph, radius: list[float], seed: int) -> dict[int, tuple[float, float]]:
    """Group centres: the largest linked set of groups by a spring layout whose scale gives
    every group disc room, the rest (small separate parts, the unlinked) in rows below it,
    so a few far-flung pairs do not shrink the main picture to a dot."""
    parts = sorted(
        nx.connected_components(meta), key=lambda c: (-sum(radius[i] ** 2 for i in c), min(c))
    )
    main = sorted(parts[0]) if parts else []
    out: dict[int, tuple[float, float]] = {}
    if len(main) == 1:
        out[main[0]] = (0.0, 0.0)
    elif main:
        scale = 1.6 * math.sqrt(sum(radius[i] ** 2 for i in main) * len(main)) / 2
        spring = nx.spring_layout(
            meta.subgraph(main),
            seed=seed,
            iterations=100,
            method="force",
            k=2.0 / math.sqrt(len(main)),
            scale=scale,
        )
        out = {i: (float(x), float(y)) for i, (x, y) in spring.items()}
    rest = sorted((i for part in parts[1:] for i in part), key=lambda i: (-radius[i], i))
    if not rest:
        return out
    left = min((x - radius[i] for i, (x, _y) in out.items()), default=0.0)
    right = max((x + radius[i] for i, (x, _y) in out.items()), default=0.0)
    top = max((y + radius[i] for i, (_x, y) in out.items()), default=0.0) + 2 * SPACING
    width = max(right - left, 2 * max(radius[i] for i in rest))
    x, row = left, 0.0
    for i in rest:
        r = radius[i]
        if x > left and x + 2 * r > left + width:
            x, top = left, top + row + SPACING
            row = 0.0
        out[i] = (x + r, top + r)
        x += 2 * r + SPACING
        row = max(row, 2 * r)
    return out


@lru_cache(maxsize=16)
def _layout(topo: Topology, seed: int) -> dict[str, tuple[float, float]]:
    graph = nx.Graph()
    graph.add_nodes_from(topo[0])
    graph.add_edges_from((a, b) for a, b, _w in topo[1])
    groups = list(communities(topo, seed))
    isolated = tuple(k for k in topo[0] if graph.degree(k) == 0)
    if isolated:
        groups.append(isolated)
    group_of = {m: i for i, g in enumerate(groups) for m in g}
    meta = nx.Graph()
    meta.add_nodes_from(range(len(groups)))
    for a, b, _w in topo[1]:
        ga, gb = group_of[a], group_of[b]
        if ga != gb:
            w = meta.get_edge_data(ga, gb, {"weight": 0})["weight"]
            meta.add_edge(ga, gb, weight=w + 1)
    radius = [SPACING * math.sqrt(len(g)) for g in groups]
    centres = _centres(meta, radius, seed)
    out: dict[str, tuple[float, float]] = {}
    for i, members in enumerate(groups):
        r = radius[i]
        if members is isolated or len(members) == 1:
            local = _grid(members, r)
        else:
            local = nx.spring_layout(
                graph.subgraph(members),
                seed=seed,
                iterations=iterations_for(len(members)),
                method="force",
                scale=r,
            )
        cx, cy = centres[i]
        for k, (x, y) in local.items():
            out[k] = (round(float(cx) + float(x), 1), round(float(cy) + float(y), 1))
    return out


def positions(net: Network, *, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Node key -> (x, y) in vis-network pixels; seeded, so a reload draws the same picture.
    The dict is shared between requests with the same topology: read it, do not change it.

    >>> from queries.records import NetLink, NetNode, Network
    >>> nodes = tuple(NetNode("org", i, i, None) for i in "abcd")
    >>> pos = positions(Network(nodes, (NetLink("org:a", "org:b", "COOPERATES_WITH"),)))
    >>> sorted(pos) == ["org:a", "org:b", "org:c", "org:d"]
    True
    """
    return _layout(topology(net), seed)


def clear_layouts() -> None:
    """Forget the cached layouts."""
    _layout.cache_clear()
