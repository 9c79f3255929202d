"""Communities (Louvain) and the brokers between them.

Why brokers: the partner network profits most from organisations that connect
otherwise separate groups (a Jobcenter that is in the IQ network *and* in the local
Charta circle). Louvain finds the groups; the participation coefficient
``P(v) = 1 - sum_c (k_vc / k_v)^2`` (Guimerà & Amaral 2005) is 0 for a node whose links
all stay in one community and approaches 1 when they spread evenly over many.

>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("b", "d")])
>>> communities(G)
[['a', 'b'], ['c', 'd']]
>>> participation(G, [["a", "b"], ["c", "d"]])
{'a': 0.0, 'b': 0.4444, 'c': 0.5, 'd': 0.5}
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp

from ._paths import Node, adjacency

__all__ = ["communities", "membership", "participation", "brokers", "Broker"]

log = logging.getLogger(__name__)


def communities(
    G: nx.Graph, *, weight: str | None = None, seed: int = 0, resolution: float = 1.0
) -> list[list[Node]]:
    """Louvain communities, largest first, each sorted; isolated nodes are their own.

    Seeded, so the same graph gives the same partition. Uses python-igraph's C
    implementation for large graphs when it is installed (same method, much faster).
    """
    if G.number_of_nodes() == 0:
        return []
    found: Iterable[Iterable[Node]] | None = None
    if G.number_of_edges() > 50_000:
        found = _igraph_louvain(G, weight, seed, resolution)
    if found is None:
        found = nx.community.louvain_communities(G, weight=weight, seed=seed, resolution=resolution)
    parts = [sorted(c, key=str) for c in found]
    return sorted(parts, key=lambda c: (-len(c), str(c[0])))


def _igraph_louvain(
    G: nx.Graph, weight: str | None, seed: int, resolution: float
) -> list[list[Node]] | None:
    try:
        import igraph as ig
    except ImportError:
        return None
    import random

    adj = adjacency(G, weight)
    upper = sp.triu(adj.matrix, k=1).tocoo()
    nodes = adj.nodes
    g = ig.Graph(n=len(nodes), edges=list(zip(upper.row.tolist(), upper.col.tolist(), strict=True)))
    weights = upper.data.tolist() if weight else None
    ig.set_random_number_generator(random.Random(seed))
    try:
        clustering = g.community_multilevel(weights=weights, resolution=resolution)
    finally:
        ig.set_random_number_generator(random)
    return [[nodes[i] for i in part] for part in clustering]


def membership(parts: Sequence[Iterable[Node]]) -> dict[Node, int]:
    """Node -> index of its community in ``parts``.

    >>> membership([["a", "b"], ["c"]])
    {'a': 0, 'b': 0, 'c': 1}
    """
    return {n: i for i, part in enumerate(parts) for n in part}


def _per_community(
    G: nx.Graph, parts: Sequence[Iterable[Node]], weight: str | None
) -> tuple[list[Node], sp.csr_array]:
    """Node order, and per node its link weight into each community (sparse n x C)."""
    adj = adjacency(G, weight)
    member = membership(parts)
    extra = len(parts)
    cols = np.array([member.get(v, extra) for v in adj.nodes], dtype=np.int64)
    n = len(adj.nodes)
    onehot = sp.csr_array((np.ones(n), (np.arange(n), cols)), shape=(n, extra + 1))
    return adj.nodes, (adj.matrix @ onehot).tocsr()


def participation(
    G: nx.Graph, parts: Sequence[Iterable[Node]], *, weight: str | None = None
) -> dict[Node, float]:
    """Participation coefficient of every node for the given communities."""
    if G.number_of_nodes() == 0:
        return {}
    nodes, per = _per_community(G, parts, weight)
    total = np.asarray(per.sum(axis=1)).ravel()
    squares = np.asarray(per.multiply(per).sum(axis=1)).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        pc = np.where(total > 0, 1.0 - squares / (total * total), 0.0)
    return {v: round(float(x), 4) for v, x in zip(nodes, pc, strict=True)}


@dataclass(frozen=True)
class Broker:
    """An organisation that links communities and programmes."""

    id: str
    name: str
    participation: float
    communities: int
    programmes: int
    degree: int


def brokers(
    G: nx.Graph,
    *,
    parts: Sequence[Iterable[Node]] | None = None,
    weight: str | None = None,
    seed: int = 0,
    first: int = 20,
) -> list[Broker]:
    """Organisations that bridge communities, the widest bridges first.

    A broker is an organisation whose neighbours lie in at least two communities (its
    own counts when a neighbour is in it). Ranked by how many communities it reaches,
    then by how evenly its links spread over them (participation coefficient), then by
    degree. Nodes without a ``label`` attribute count as organisations (plain networkx
    graphs).

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("b", "d")])
    >>> found = brokers(G, parts=[["a", "b"], ["c", "d"]])
    >>> [(b.id, b.participation, b.communities) for b in found]
    [('c', 0.5, 2), ('d', 0.5, 2), ('b', 0.4444, 2)]
    """
    if G.number_of_nodes() == 0:
        return []
    if parts is None:
        parts = communities(G, weight=weight, seed=seed)
    nodes, per = _per_community(G, parts, weight)
    total = np.asarray(per.sum(axis=1)).ravel()
    squares = np.asarray(per.multiply(per).sum(axis=1)).ravel()
    spread = np.diff(per.indptr)
    with np.errstate(divide="ignore", invalid="ignore"):
        pc = np.round(np.where(total > 0, 1.0 - squares / (total * total), 0.0), 4)
    labels = [G.nodes[v].get("label", "Organisation") for v in nodes]
    is_programme = np.fromiter(
        (lab == "Programme" for lab in labels), dtype=float, count=len(nodes)
    )
    structure = adjacency(G).matrix
    programmes = structure @ is_programme
    degrees = np.diff(structure.indptr)
    is_org = np.fromiter((lab == "Organisation" for lab in labels), dtype=bool, count=len(nodes))
    chosen = np.flatnonzero((spread >= 2) & is_org)
    if len(chosen) > first > 0:  # only the best can make the list: build just those
        floor = np.sort(spread[chosen])[-first]
        chosen = chosen[spread[chosen] >= floor]
    found = [
        Broker(
            str(nodes[i]),
            str(G.nodes[nodes[i]].get("name", nodes[i])),
            float(pc[i]),
            int(spread[i]),
            int(programmes[i]),
            int(degrees[i]),
        )
        for i in chosen
    ]
    found.sort(key=lambda b: (-b.communities, -b.participation, -b.degree, b.id))
    return found[:first]
