"""A page's :class:`~queries.records.Network` as a networkx graph, its topology key,
and the node importance the pages size nodes by.

Why a topology key: grouping (Louvain) and the server-side layout depend only on which nodes
exist and which pairs are linked, not on names, quotes or evidence. Keyed by the topology,
those results are reused as long as the graph's shape stays the same (a rename or new
evidence does not move a node), and recomputed as soon as a node or link comes or goes.

Importance is PageRank (:func:`queries.analytics.centrality.pagerank`) on the shown network,
links weighted by their evidence count, expressed as a multiple of the average node (1.0 =
average), so a group's importance is the sum of its members'.

>>> from queries.records import NetLink, NetNode, Network
>>> net = Network(tuple(NetNode("org", i, i.upper(), None) for i in "abc"),
...               (NetLink("org:a", "org:b", "COOPERATES_WITH"),
...                NetLink("org:b", "org:c", "COOPERATES_WITH")))
>>> topology(net)
(('org:a', 'org:b', 'org:c'), (('org:a', 'org:b', 1), ('org:b', 'org:c', 1)))
>>> importance(topology(net))
{'org:a': 0.7704, 'org:b': 1.4595, 'org:c': 0.7704}
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import networkx as nx

from .analytics.centrality import pagerank
from .records import Network

__all__ = ["Topology", "topology", "as_graph", "importance", "IMPORTANCE_LABEL"]

# (sorted node keys, sorted (key, key, evidence weight) pairs with key < key)
Topology = tuple[tuple[str, ...], tuple[tuple[str, str, int], ...]]

IMPORTANCE_LABEL = "Zentralität (PageRank, Verbindungen nach Zahl der Belege gewichtet)"


def topology(net: Network) -> Topology:
    """Node keys and undirected weighted links of ``net``: a hashable cache key.

    Several typed links between two nodes become one pair whose weight is their evidence
    count (at least 1 per link), as in :mod:`queries.projection`.
    """
    keys = {n.key for n in net.nodes}
    weight: Counter[tuple[str, str]] = Counter()
    for lk in net.links:
        if lk.source in keys and lk.target in keys and lk.source != lk.target:
            pair = (min(lk.source, lk.target), max(lk.source, lk.target))
            weight[pair] += max(lk.evidence_count, 1)
    return tuple(sorted(keys)), tuple((a, b, w) for (a, b), w in sorted(weight.items()))


def as_graph(topo: Topology) -> nx.Graph:
    """The undirected graph of a topology; edge attribute ``weight`` = evidence count."""
    graph = nx.Graph()
    graph.add_nodes_from(topo[0])
    graph.add_weighted_edges_from(topo[1])
    return graph


@lru_cache(maxsize=32)
def importance(topo: Topology) -> dict[str, float]:
    """PageRank of every node as a multiple of the average (sum over all nodes = n)."""
    n = len(topo[0])
    if n == 0:
        return {}
    rank = pagerank(as_graph(topo), weight="weight")
    return {k: round(v * n, 4) for k, v in rank.items()}
