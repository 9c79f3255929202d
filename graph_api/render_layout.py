"""Server-side positions for large networks: communities laid out apart, then each inside.

A force layout of all nodes at once costs O(n²) per step in networkx (about 25 s for 2,000
nodes on the 2-core test machine) and as long again as browser physics. Laying out each
community on its own (small, dense, fast) and the communities as a weighted graph of a few
dozen nodes gives the same picture - clusters apart, members together - in about a second.
"""

from __future__ import annotations

import math

import networkx as nx

from queries.network_groups import ISOLATED_KEY, group_network
from queries.network_records import Network

__all__ = ["positions"]

SPACING = 28.0  # px per sqrt(node): a group of n nodes gets a disc of radius SPACING*sqrt(n)
BIG_GROUP = 400  # above this, fewer iterations inside the group


def _grid(members: list[str], radius: float) -> dict[str, tuple[float, float]]:
    side = max(1, math.ceil(math.sqrt(len(members))))
    step = 2 * radius / side
    return {
        m: ((i % side) * step - radius, (i // side) * step - radius) for i, m in enumerate(members)
    }


def positions(net: Network, *, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Node key -> (x, y) in vis-network pixels; seeded, so a reload draws the same picture.

    >>> from queries.network_records import NetLink, NetNode, Network
    >>> nodes = tuple(NetNode("org", i, i, None) for i in "abcd")
    >>> pos = positions(Network(nodes, (NetLink("org:a", "org:b", "COOPERATES_WITH"),)))
    >>> sorted(pos) == ["org:a", "org:b", "org:c", "org:d"]
    True
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(n.key for n in net.nodes))
    graph.add_edges_from(
        sorted(
            (lk.source, lk.target) for lk in net.links if lk.source in graph and lk.target in graph
        )
    )
    grouped = group_network(net, seed=seed)
    radius = {g.key: SPACING * math.sqrt(len(g.members)) for g in grouped.groups}
    meta = nx.Graph()
    meta.add_nodes_from(g.key for g in grouped.groups)
    meta.add_weighted_edges_from(grouped.links)
    total = sum(radius.values()) or 1.0
    centres = nx.spring_layout(
        meta,
        seed=seed,
        iterations=100,
        method="force",
        k=2.0 / math.sqrt(max(len(meta), 1)),
        scale=total / 1.5,
    )
    out: dict[str, tuple[float, float]] = {}
    for g in grouped.groups:
        members = list(g.members)
        r = radius[g.key]
        if g.key == ISOLATED_KEY or len(members) == 1:
            local = _grid(members, r)
        else:
            sub = graph.subgraph(members)
            iterations = 50 if len(members) <= BIG_GROUP else 15
            local = {
                k: (float(x), float(y))
                for k, (x, y) in nx.spring_layout(
                    sub, seed=seed, iterations=iterations, method="force", scale=r
                ).items()
            }
        cx, cy = centres[g.key]
        for k, (x, y) in local.items():
            out[k] = (round(float(cx) + x, 1), round(float(cy) + y, 1))
    return out
