"""The centrality report: who is central, who brokers, which groups exist (in German).

Why a separate module: computing (:func:`centrality_report`, pure, over a networkx
graph) is kept apart from rendering (:mod:`vielfalt.report_render`), so the CLI, the
notebooks and the benchmark run exactly the same computation.

Measures: degree and weighted degree (evidence counts), betweenness and closeness over
hops (exact up to ``EXACT_LIMIT`` nodes, sampled with ``k`` pivots above it, with the
standard error of betweenness), PageRank and eigenvector centrality weighted by
evidence, Louvain communities and the participation coefficient of each node.

>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("b", "d")])
>>> r = centrality_report(G)
>>> [(a.id, a.degree, a.betweenness) for a in r.actors[:2]]
[('b', 3, 0.6667), ('c', 2, 0.0)]
>>> r.communities
[['a', 'b'], ['c', 'd']]
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import ParamSpec, TypeVar

import networkx as nx

from .analytics import centrality as c
from .analytics._paths import Node
from .analytics.communities import Broker, brokers, communities, membership, participation

__all__ = ["ActorRow", "CentralityReport", "centrality_report"]

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class ActorRow:
    """One node with all its measures (rounded to four digits)."""

    id: str
    name: str
    label: str  # Organisation | Programme
    degree: int
    weighted_degree: float
    betweenness: float
    betweenness_se: float
    pagerank: float
    eigenvector: float
    closeness: float
    community: int  # 1.. by size; 0: in no community of two or more
    participation: float


@dataclass(frozen=True)
class CentralityReport:
    """All actors (by PageRank, best first), brokers, communities and how it was made."""

    nodes: int
    edges: int
    actors: list[ActorRow]
    brokers: list[Broker]
    communities: list[list[Node]]
    betweenness_pivots: int
    betweenness_exact: bool
    timings: dict[str, float] = field(default_factory=dict)
    created: str = ""

    @property
    def names(self) -> dict[str, str]:
        return {a.id: a.name for a in self.actors}

    @property
    def groups(self) -> list[list[Node]]:
        """The communities with at least two members: a node without links is no group."""
        return [c for c in self.communities if len(c) >= 2]

    @property
    def singletons(self) -> int:
        """How many nodes form a community of their own (no links, or none that bind)."""
        return sum(1 for c in self.communities if len(c) < 2)


def centrality_report(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    seed: int = 0,
    k: int | None = None,
    first_brokers: int = 20,
) -> CentralityReport:
    """Compute every measure of the report for ``G`` (no I/O; seeded).

    ``weight`` is the edge strength used by weighted degree, PageRank, eigenvector and
    Louvain (edges without it count 1); ``k`` the number of betweenness/closeness
    pivots for graphs above ``EXACT_LIMIT`` nodes.
    """
    timings: dict[str, float] = {}

    def timed(name: str, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        t0 = time.perf_counter()
        result = fn(*args, **kwargs)
        timings[name] = round(time.perf_counter() - t0, 3)
        log.info("%s: %.2f s", name, timings[name])
        return result

    w = weight if weight and any(True for _ in _with_attr(G, weight)) else None
    deg = timed("degree", c.degree, G)
    wdeg = timed("weighted_degree", c.weighted_degree, G, weight=w)
    pr = timed("pagerank", c.pagerank, G, weight=w)
    eig = timed("eigenvector", c.eigenvector, G, weight=w)
    btw, clo = timed("betweenness_closeness", c.path_measures, G, seed=seed, k=k)
    parts = timed("communities", communities, G, weight=w, seed=seed)
    pc = timed("participation", participation, G, parts, weight=w)
    brk = timed("brokers", brokers, G, parts=parts, weight=w, first=first_brokers)
    member = membership(parts)
    actors = [
        ActorRow(
            id=str(v),
            name=str(data.get("name", v)),
            label=str(data.get("label", "Organisation")),
            degree=int(deg[v]),  # unweighted: a count
            weighted_degree=round(wdeg[v], 4),
            betweenness=btw.values.get(v, 0.0),
            betweenness_se=btw.stderr.get(v, 0.0),
            pagerank=pr.get(v, 0.0),
            eigenvector=eig.get(v, 0.0),
            closeness=clo.get(v, 0.0),
            community=member[v] + 1 if len(parts[member[v]]) >= 2 else 0,
            participation=pc.get(v, 0.0),
        )
        for v, data in G.nodes(data=True)
    ]
    actors.sort(key=lambda a: (-a.pagerank, -a.degree, a.id))
    return CentralityReport(
        nodes=G.number_of_nodes(),
        edges=G.number_of_edges(),
        actors=actors,
        brokers=brk,
        communities=parts,
        betweenness_pivots=btw.pivots,
        betweenness_exact=btw.exact,
        timings=timings,
        created=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def _with_attr(G: nx.Graph, weight: str):  # type: ignore[no-untyped-def]
    for _, _, value in G.edges(data=weight):
        if value is not None:
            yield value
