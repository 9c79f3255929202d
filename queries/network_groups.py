"""Aggregation of a large network into groups, for the whole-network page.

Above ``VIZ_AGGREGATE_ABOVE`` nodes a browser cannot lay out every node quickly, so the page
shows one node per group and expands a group when it is clicked. Two groupings:

* by community (:func:`group_network`): Louvain, seeded, so a group key means the same
  members on every request; organisations without any link would each be a community of
  one, so they are pooled in one group instead;
* by programme (:func:`group_by_programme`): a programme with the organisations linked to
  it. An organisation linked to several programmes joins the one with the most evidence
  (then the first by id); organisations without a programme share one group.

The Louvain partition depends only on the topology, so it is computed once per topology
(:func:`queries.network_graph.topology`) and reused by the page, the layout and the
endpoint that expands a group.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import networkx as nx

from .folding import fold
from .network_graph import Topology, topology
from .records import NetNode, Network

__all__ = [
    "Group",
    "GroupedNetwork",
    "group_network",
    "group_by_programme",
    "GROUPINGS",
    "grouped",
    "ISOLATED_KEY",
    "communities",
    "NO_PROGRAMME_KEY",
    "NO_REGION_KEY",
    "group_by_region",
    "drawn_part",
]

ISOLATED_KEY = "ohne-links"
NO_PROGRAMME_KEY = "ohne-programm"
NO_REGION_KEY = "ohne-ort"


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    members: tuple[str, ...]  # node keys
    kind: str = "community"  # "community", "programme" or "rest"


@dataclass(frozen=True)
class GroupedNetwork:
    groups: tuple[Group, ...]
    links: tuple[tuple[str, str, int], ...]  # (group key, group key, number of links)
    group_of: dict[str, str]  # node key -> group key


@lru_cache(maxsize=16)
def communities(topo: Topology, seed: int) -> tuple[tuple[str, ...], ...]:
    """Louvain communities of the linked nodes (unweighted), largest first."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted({k for a, b, _w in topo[1] for k in (a, b)}))
    graph.add_edges_from((a, b) for a, b, _w in topo[1])
    found = nx.community.louvain_communities(graph, seed=seed) if graph.number_of_edges() else []
    return tuple(
        tuple(c) for c in sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    )


def _grouped(net: Network, groups: list[Group]) -> GroupedNetwork:
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


def group_network(net: Network, *, seed: int = 0) -> GroupedNetwork:
    """Communities of the (undirected) network, largest first, with the links between them.

    >>> from queries.records import NetLink, NetNode, Network
    >>> nodes = tuple(NetNode("org", i, i.upper(), None) for i in "abcde")
    >>> links = (NetLink("org:a", "org:b", "COOPERATES_WITH"),
    ...          NetLink("org:c", "org:d", "COOPERATES_WITH"))
    >>> g = group_network(Network(nodes, links))
    >>> sorted(len(x.members) for x in g.groups)
    [1, 2, 2]
    >>> g.group_of["org:e"]
    'ohne-links'
    """
    topo = topology(net)
    names = {n.key: n.name for n in net.nodes}
    degree: Counter[str] = Counter()
    for a, b, _w in topo[1]:
        degree[a] += 1
        degree[b] += 1
    groups: list[Group] = []
    for i, members in enumerate(communities(topo, seed), start=1):
        hub = max(members, key=lambda k: (degree[k], k))
        label = f"{names[hub]} und {len(members) - 1} weitere" if len(members) > 1 else names[hub]
        groups.append(Group(key=f"g{i}", label=label, members=members))
    isolated = tuple(k for k in topo[0] if not degree[k])
    if isolated:
        groups.append(
            Group(
                key=ISOLATED_KEY,
                label=f"{len(isolated)} ohne Verbindungen",
                members=isolated,
                kind="rest",
            )
        )
    return _grouped(net, groups)


def group_by_programme(net: Network) -> GroupedNetwork:
    """One group per programme (the programme and the organisations that joined it).

    >>> from queries.records import NetLink, NetNode, Network
    >>> nodes = (NetNode("prog", "iq", "IQ", None), NetNode("prog", "ch", "Charta", None),
    ...          *(NetNode("org", i, i.upper(), None) for i in "abc"))
    >>> links = (NetLink("org:a", "prog:iq", "PARTICIPATES_IN", evidence_count=1),
    ...          NetLink("org:a", "prog:ch", "SIGNED", evidence_count=2),
    ...          NetLink("org:b", "prog:iq", "PARTICIPATES_IN", evidence_count=1))
    >>> g = group_by_programme(Network(nodes, links))
    >>> [(x.key, x.members) for x in g.groups]
    [('p-ch', ('org:a', 'prog:ch')), ('p-iq', ('org:b', 'prog:iq')), ('ohne-programm', ('org:c',))]
    >>> g.links
    (('p-ch', 'p-iq', 1),)
    """
    nodes = {n.key: n for n in net.nodes}
    weight: Counter[tuple[str, str]] = Counter()  # (organisation, programme) -> evidence
    for lk in net.links:
        for org, prog in ((lk.source, lk.target), (lk.target, lk.source)):
            if org.startswith("org:") and prog.startswith("prog:") and prog in nodes:
                weight[(org, prog)] += max(lk.evidence_count, 1)
    best: dict[str, tuple[int, str]] = {}
    for (org, prog), w in weight.items():
        if org not in best or (-w, prog) < (-best[org][0], best[org][1]):
            best[org] = (w, prog)
    members: dict[str, list[str]] = {k: [k] for k in nodes if k.startswith("prog:")}
    rest: list[str] = []
    for key in nodes:
        if key.startswith("org:"):
            (members[best[key][1]] if key in best else rest).append(key)
    ordered = sorted(members.items(), key=lambda kv: (-len(kv[1]), nodes[kv[0]].name.lower()))
    groups = [
        Group(
            key="p-" + nodes[prog].id,
            label=nodes[prog].name,
            members=tuple(sorted(ms)),
            kind="programme",
        )
        for prog, ms in ordered
    ]
    if rest:
        groups.append(
            Group(
                key=NO_PROGRAMME_KEY,
                label=f"{len(rest)} ohne Programm",
                members=tuple(sorted(rest)),
                kind="rest",
            )
        )
    return _grouped(net, groups)


def group_by_region(net: Network) -> GroupedNetwork:
    """One group per town named in organisation names ("Stadt Duisburg", "Jobcenter
    Duisburg": Duisburg, see :func:`queries.analytics.regions.region_of`); programmes and
    organisations without a town share one group.

    >>> from queries.records import NetLink, NetNode, Network
    >>> nodes = (NetNode("org", "s", "Stadt Essen", None), NetNode("org", "j", "Jobcenter Essen",
    ...          None), NetNode("org", "v", "Verein V", None))
    >>> g = group_by_region(Network(nodes, (NetLink("org:s", "org:v", "COOPERATES_WITH"),)))
    >>> [(x.label, x.members) for x in g.groups]
    [('Essen', ('org:j', 'org:s')), ('1 ohne Ort', ('org:v',))]
    """
    from .analytics.regions import region_of

    places: dict[str, list[str]] = {}
    rest: list[str] = []
    for node in net.nodes:
        place = region_of(node.name) if node.kind == "org" else None
        (places.setdefault(place, []) if place else rest).append(node.key)
    ordered = sorted(places.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    groups = [
        Group(key="r-" + _slug(place), label=place, members=tuple(sorted(ms)), kind="region")
        for place, ms in ordered
    ]
    if rest:
        groups.append(
            Group(
                key=NO_REGION_KEY,
                label=f"{len(rest)} ohne Ort",
                members=tuple(sorted(rest)),
                kind="rest",
            )
        )
    return _grouped(net, groups)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "ort"


def drawn_part(net: Network) -> tuple[Network, tuple[NetNode, ...]]:
    """The part of ``net`` worth drawing (nodes with at least one link) and, apart, the
    nodes without any link, which the page lists beside the drawing instead."""
    linked = {k for lk in net.links for k in (lk.source, lk.target)}
    alone = tuple(sorted((n for n in net.nodes if n.key not in linked), key=lambda n: n.name))
    if not alone:
        return net, ()
    kept = tuple(n for n in net.nodes if n.key in linked)
    return Network(nodes=kept, links=net.links, truncated=net.truncated), alone


# the groupings the page offers: query value -> (German label, function)
GROUPINGS = {
    "gemeinschaft": ("Gemeinschaft", group_network),
    "programm": ("Programm", group_by_programme),
    "region": ("Region", group_by_region),
}


def grouped(net: Network, by: str) -> GroupedNetwork:
    """``net`` grouped as :data:`GROUPINGS` names it (``gemeinschaft``, ``programm``,
    ``region``)."""
    return GROUPINGS[by][1](net)
