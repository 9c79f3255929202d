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
from queries.network_records import Network

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
    centres = nx.spring_layout(
        meta,
        seed=seed,
        iterations=100,
        method="force",
        k=2.0 / math.sqrt(max(len(meta), 1)),
        scale=(sum(radius) or 1.0) / 1.5,
    )
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

    >>> from queries.network_records import NetLink, NetNode, Network
    >>> nodes = tuple(NetNode("org", i, i, None) for i in "abcd")
    >>> pos = positions(Network(nodes, (NetLink("org:a", "org:b", "COOPERATES_WITH"),)))
    >>> sorted(pos) == ["org:a", "org:b", "org:c", "org:d"]
    True
    """
    return _layout(topology(net), seed)


def clear_layouts() -> None:
    """Forget the cached layouts."""
    _layout.cache_clear()
