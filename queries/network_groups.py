"""Aggregation of a large network into groups (communities), for the whole-network page.

Above ``VIZ_AGGREGATE_ABOVE`` nodes a browser cannot lay out every node quickly, so the page
shows one node per community (Louvain, seeded, so a group key means the same members on
every request) and expands a group when it is clicked. Organisations without any link would
each be a community of one; they are pooled in one group instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from .network_records import Network

__all__ = ["Group", "GroupedNetwork", "group_network", "ISOLATED_KEY"]

ISOLATED_KEY = "ohne-links"


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    members: tuple[str, ...]  # node keys


@dataclass(frozen=True)
class GroupedNetwork:
    groups: tuple[Group, ...]
    links: tuple[tuple[str, str, int], ...]  # (group key, group key, number of links)
    group_of: dict[str, str]  # node key -> group key


def group_network(net: Network, *, seed: int = 0) -> GroupedNetwork:
    """Communities of the (undirected) network, largest first, with the links between them.

    >>> from queries.network_records import NetLink, NetNode, Network
    >>> nodes = tuple(NetNode("org", i, i.upper(), None) for i in "abcde")
    >>> links = (NetLink("org:a", "org:b", "COOPERATES_WITH"),
    ...          NetLink("org:c", "org:d", "COOPERATES_WITH"))
    >>> g = group_network(Network(nodes, links))
    >>> sorted(len(x.members) for x in g.groups)
    [1, 2, 2]
    >>> g.group_of["org:e"]
    'ohne-links'
    """
    graph = nx.Graph()
    names = {n.key: n.name for n in net.nodes}
    graph.add_nodes_from(sorted(names))
    graph.add_edges_from(
        sorted(
            (lk.source, lk.target) for lk in net.links if lk.source in names and lk.target in names
        )
    )
    isolated = sorted(n for n in graph.nodes if graph.degree(n) == 0)
    graph.remove_nodes_from(isolated)
    communities = (
        nx.community.louvain_communities(graph, seed=seed) if graph.number_of_edges() else []
    )
    ordered = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    groups: list[Group] = []
    for i, members in enumerate(ordered, start=1):
        hub = max(members, key=lambda k: (graph.degree(k), k))
        label = f"{names[hub]} und {len(members) - 1} weitere" if len(members) > 1 else names[hub]
        groups.append(Group(key=f"g{i}", label=label, members=tuple(members)))
    if isolated:
        groups.append(
            Group(
                key=ISOLATED_KEY,
                label=f"{len(isolated)} ohne Verbindungen",
                members=tuple(isolated),
            )
        )
    group_of = {m: g.key for g in groups for m in g.members}
    between: Counter[tuple[str, str]] = Counter()
    for lk in net.links:
        a, b = group_of.get(lk.source), group_of.get(lk.target)
        if a and b and a != b:
            between[(min(a, b), max(a, b))] += 1
    return GroupedNetwork(
        groups=tuple(groups),
        links=tuple((a, b, n) for (a, b), n in sorted(between.items())),
        group_of=group_of,
    )
