"""Who is central in the network: degree, betweenness, PageRank, eigenvector, closeness.

Functions in the networkx style: ``f(G, *, weight=None, seed=0)`` on an undirected graph,
no I/O, a dict ``node -> value`` back, the same answer for the same seed. ``weight`` names
an edge attribute holding a *strength* (the projection's ``weight`` is the evidence
count); path-based measures (betweenness, closeness) turn it into the distance
``1 / strength``, so well-documented links are short.

Betweenness and closeness are exact up to :data:`EXACT_LIMIT` nodes and estimated from
``k`` sampled pivot sources above it (Brandes & Pich 2007; Eppstein & Wang 2004), with
the standard error of the betweenness estimate in :class:`BetweennessEstimate`.

The four-node example used throughout: a star centre ``b`` with a tail ``c - d``.

>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("b", "d")])
>>> degree(G)
{'a': 1, 'b': 3, 'c': 2, 'd': 2}
>>> betweenness(G)
{'a': 0.0, 'b': 0.6667, 'c': 0.0, 'd': 0.0}
>>> closeness(G)
{'a': 0.6, 'b': 1.0, 'c': 0.75, 'd': 0.75}
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp
import scipy.sparse.csgraph as csgraph
import scipy.sparse.linalg as spla

from ._paths import Node, adjacency, pivot_sums

__all__ = [
    "degree",
    "weighted_degree",
    "betweenness",
    "betweenness_estimate",
    "BetweennessEstimate",
    "path_measures",
    "pagerank",
    "eigenvector",
    "closeness",
    "EXACT_LIMIT",
    "DEFAULT_PIVOTS",
]

log = logging.getLogger(__name__)

EXACT_LIMIT = 5000
DEFAULT_PIVOTS = 256
_DIGITS = 4


def _rounded(values: dict[Node, float]) -> dict[Node, float]:
    return {n: round(float(v), _DIGITS) for n, v in values.items()}


def _distance(weight: str | None) -> Callable[[Node, Node, dict[str, Any]], float] | None:
    if weight is None:
        return None
    return lambda u, v, d: 1.0 / max(float(d.get(weight, 1.0)), 1e-12)


def degree(G: nx.Graph, *, weight: str | None = None, seed: int = 0) -> dict[Node, float]:
    """Number of neighbours (``weight`` given: see :func:`weighted_degree`)."""
    if weight is not None:
        return weighted_degree(G, weight=weight, seed=seed)
    return dict(G.degree())


def weighted_degree(
    G: nx.Graph, *, weight: str | None = "weight", seed: int = 0
) -> dict[Node, float]:
    """Sum of edge strengths (evidence counts in the projection).

    >>> weighted_degree(nx.Graph([(1, 2, {"weight": 3}), (2, 3, {"weight": 1})]))
    {1: 3.0, 2: 4.0, 3: 1.0}
    """
    return {n: float(d) for n, d in G.degree(weight=weight or "weight")}


@dataclass(frozen=True)
class BetweennessEstimate:
    """Normalised betweenness, its standard error per node (0 when exact), pivots used."""

    values: dict[Node, float]
    stderr: dict[Node, float]
    pivots: int
    exact: bool


def _pivots(G: nx.Graph, k: int | None) -> int:
    n: int = G.number_of_nodes()
    if k is None:
        k = n if n <= EXACT_LIMIT else DEFAULT_PIVOTS
    return max(0, min(k, n))


def path_measures(
    G: nx.Graph, *, weight: str | None = None, seed: int = 0, k: int | None = None
) -> tuple[BetweennessEstimate, dict[Node, float]]:
    """Betweenness (with its error) and closeness from one set of searches.

    Exact (networkx) when ``k`` covers every node, for weighted paths and for tiny
    graphs; otherwise ``k`` pivots drawn with ``seed`` feed both estimates.
    """
    n, k = G.number_of_nodes(), _pivots(G, k)
    if n < 3 or k == n or weight is not None:
        sample = None if k == n or n < 3 else k
        values = nx.betweenness_centrality(
            G, k=sample, normalized=True, weight=_distance(weight), seed=seed
        )
        close = nx.closeness_centrality(G, distance=_distance(weight))
        est = BetweennessEstimate(_rounded(values), dict.fromkeys(G, 0.0), k, sample is None)
        return est, _rounded(close)
    adj = adjacency(G)
    pivots = np.random.default_rng(seed).choice(n, size=k, replace=False)
    sums = pivot_sums(adj, pivots)
    norm = (n - 1) * (n - 2)
    mean = sums.dep / k
    var = np.maximum(sums.dep_sq / k - mean * mean, 0.0)
    se = n * np.sqrt(var / k * (n - k) / (n - 1)) / norm
    values = sums.dep * (n / k) / norm
    with np.errstate(divide="ignore", invalid="ignore"):
        reach = sums.reached * n / k
        close = np.where(sums.dist > 0, (reach / (n - 1)) * (sums.reached / sums.dist), 0.0)
    est = BetweennessEstimate(
        _rounded(dict(zip(adj.nodes, values, strict=True))),
        _rounded(dict(zip(adj.nodes, se, strict=True))),
        k,
        False,
    )
    return est, _rounded(dict(zip(adj.nodes, close, strict=True)))


def betweenness_estimate(
    G: nx.Graph, *, weight: str | None = None, seed: int = 0, k: int | None = None
) -> BetweennessEstimate:
    """Betweenness with its error: exact for small graphs, else from ``k`` pivots.

    The sampled estimate is unbiased; ``stderr`` is the standard error from the spread
    of the per-pivot dependencies (with the finite-population correction), in the same
    normalised units, so ``values[v] ± 2 * stderr[v]`` is roughly a 95 % interval (for
    nodes with little betweenness the spread is skewed and the interval too narrow).
    """
    return path_measures(G, weight=weight, seed=seed, k=k)[0]


def betweenness(
    G: nx.Graph, *, weight: str | None = None, seed: int = 0, k: int | None = None
) -> dict[Node, float]:
    """Normalised betweenness: the share of shortest paths that run through a node."""
    return betweenness_estimate(G, weight=weight, seed=seed, k=k).values


def closeness(
    G: nx.Graph, *, weight: str | None = None, seed: int = 0, k: int | None = None
) -> dict[Node, float]:
    """Closeness (Wasserman-Faust form, so it also works on disconnected graphs).

    Exact up to :data:`EXACT_LIMIT` nodes; above, distances from ``k`` pivots estimate
    each node's reach and mean distance (unweighted; Eppstein & Wang).
    """
    return path_measures(G, weight=weight, seed=seed, k=k)[1]


def pagerank(
    G: nx.Graph,
    *,
    weight: str | None = None,
    seed: int = 0,
    alpha: float = 0.85,
    tol: float = 1e-6,
    max_iter: int = 1000,
) -> dict[Node, float]:
    """PageRank by power iteration on the scipy sparse matrix (as networkx does).

    Dangling nodes spread their rank uniformly; the iteration stops when the L1 change
    is below ``n * tol`` (the networkx criterion); after ``max_iter`` iterations the last
    vector is returned with a warning instead of failing.

    >>> pagerank(nx.Graph([(1, 2), (2, 3)]))
    {1: 0.2568, 2: 0.4865, 3: 0.2568}
    """
    n = G.number_of_nodes()
    if n == 0:
        return {}
    adj = adjacency(G, weight)
    out_weight = np.asarray(adj.matrix.sum(axis=1)).ravel()
    dangling = out_weight == 0
    inv = np.divide(1.0, out_weight, out=np.zeros(n), where=~dangling)
    P = (sp.diags_array(inv) @ adj.matrix).T.tocsr()
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (P @ x) + (alpha * x[dangling].sum() + 1.0 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            break
    else:
        log.warning("PageRank did not converge in %d iterations", max_iter)
    return _rounded(dict(zip(adj.nodes, x / x.sum(), strict=True)))


def _principal(M: sp.csr_array) -> np.ndarray:
    """The non-negative principal eigenvector of a connected component (unit length)."""
    size = M.shape[0]
    if size == 1:
        return np.ones(1)
    if size <= 500:
        _, vecs = np.linalg.eigh(M.toarray())
        vec = vecs[:, -1]
    else:
        try:
            _, vecs = spla.eigsh(M, k=1, which="LA", v0=np.ones(size), tol=1e-8)
            vec = vecs[:, 0]
        except spla.ArpackNoConvergence as exc:
            log.warning("eigenvector centrality: ARPACK did not converge, using degrees")
            vec = (
                np.asarray(M.sum(axis=1)).ravel()
                if exc.eigenvectors.size == 0
                else (exc.eigenvectors[:, 0])
            )
    vec = np.abs(vec)
    norm = np.linalg.norm(vec)
    return vec / norm if norm else np.full(size, 1 / math.sqrt(size))


def eigenvector(G: nx.Graph, *, weight: str | None = None, seed: int = 0) -> dict[Node, float]:
    """Eigenvector centrality, computed per connected component.

    The principal eigenvector is only defined per component, so each component gets
    its own (unit length), scaled by ``sqrt(size / n)``: a larger component weighs more,
    the result has unit length when no node is isolated, and an isolated node gets 0. Deterministic
    (dense solver up to 500 nodes, ARPACK with a fixed start vector above).

    >>> eigenvector(nx.Graph([(1, 2), (3, 4)]))
    {1: 0.5, 2: 0.5, 3: 0.5, 4: 0.5}
    """
    n = G.number_of_nodes()
    if n == 0:
        return {}
    adj = adjacency(G, weight)
    out = np.zeros(n)
    count, labels = csgraph.connected_components(adj.matrix, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(count + 1))
    for comp in range(count):
        idx = order[bounds[comp] : bounds[comp + 1]]
        if len(idx) == 1:
            continue
        sub = adj.matrix if count == 1 else adj.matrix[idx][:, idx].tocsr()
        out[idx] = _principal(sub) * math.sqrt(len(idx) / n)
    return _rounded(dict(zip(adj.nodes, out, strict=True)))
