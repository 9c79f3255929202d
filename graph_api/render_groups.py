"""Network data for the aggregated whole-network view: one node per group, and a group's
members with their links when the page expands it on click.

A group node's size is the summed importance (PageRank, see :mod:`queries.network_graph`)
of its members, and members keep their importance in the whole network when expanded, so
sizes stay comparable before and after a click.
"""

from __future__ import annotations

import json
from typing import Any

from pyvis.network import Network as PyvisNetwork

from queries.network_graph import importance, topology
from queries.network_groups import GROUPINGS, GroupedNetwork
from queries.records import NetNode, Network

from .render import (
    GROUP_STYLE,
    PROGRAMME_GROUP_COLOUR,
    SEARCH_URL,
    SIZE_HINT,
    filters_of,
    network_payload,
    times_average,
    vis_options,
)

__all__ = ["grouped_payload", "group_members_payload"]


def grouped_payload(
    grouped: GroupedNetwork, net: Network, group_url: str, by: str = "gemeinschaft"
) -> dict[str, Any]:
    """One node per group (size = members' importance) and one edge per pair of linked
    groups. ``group_url`` holds ``{key}`` where the page puts a group's key to expand it."""
    names = {n.key: n.name for n in net.nodes}
    rank = importance(topology(net))
    agg = Network(
        nodes=tuple(NetNode("group", g.key, g.label, None) for g in grouped.groups), links=()
    )
    group_years, pair_years = _years(grouped, net)
    pv = PyvisNetwork(directed=True, cdn_resources="local")
    for g in grouped.groups:
        size = len(g.members)
        weight = sum(rank.get(m, 1.0) for m in g.members)
        what = {"programme": "Programm", "region": "Region"}.get(g.kind, "Gruppe")
        pv.add_node(
            f"group:{g.key}",
            label=g.label if g.kind in ("community", "rest") else f"{g.label} ({size})",
            shape="hexagon",
            color=PROGRAMME_GROUP_COLOUR if g.kind == "programme" else GROUP_STYLE[1],
            value=round(weight, 4),
            kind="group",
            gkey=g.key,
            otype="Gruppe",
            title=f"{what}: {g.label}\n{size} Knoten – klicken zum Aufklappen\n"
            f"Zentralität (PageRank, Summe): {times_average(weight)}",
            font={"size": 22, "strokeWidth": 5, "strokeColor": "#ffffff"},
            scaling={"label": {"enabled": False}},
            progs=[],
            cats=[],
            size_members=size,
            years=sorted(group_years.get(g.key, ())),
        )
    for i, (a, b, n) in enumerate(grouped.links):
        pv.add_edge(
            f"group:{a}",
            f"group:{b}",
            id=f"g{i}",
            color="#b0bec5",
            width=min(1 + n / 4, 8),
            arrows="",
            title=f"{n} Verbindungen",
            ltype="group",
            ofrom=f"group:{a}",
            oto=f"group:{b}",
            years=sorted(pair_years.get((a, b), ())),
        )
    options = vis_options(physics=True, n_nodes=len(agg.nodes))
    # few, large nodes with long names: more room between them than for single nodes
    options["physics"]["barnesHut"].update(
        gravitationalConstant=-12000, springLength=230, avoidOverlap=0.8
    )
    pv.set_options(json.dumps(options))
    nodes, edges, *_rest, options = pv.get_network_data()
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "filters": filters_of(net),
        "truncated": False,
        "centre": None,
        "group_url": group_url,
        "search_url": SEARCH_URL,
        "grouped_by": [by, GROUPINGS[by][0]],
        "members": [[k, names.get(k, k), gk] for k, gk in sorted(grouped.group_of.items())],
        "size_hint": SIZE_HINT,
    }


def _years(
    grouped: GroupedNetwork, net: Network
) -> tuple[dict[str, set[int]], dict[tuple[str, str], set[int]]]:
    """The years of each group (its members' and their links') and of each pair of linked
    groups (the links between them), so the year range can hide whole groups."""
    of_group: dict[str, set[int]] = {}
    of_pair: dict[tuple[str, str], set[int]] = {}
    for n in net.nodes:
        if n.key in grouped.group_of:
            of_group.setdefault(grouped.group_of[n.key], set()).update(n.years)
    for lk in net.links:
        a, b = grouped.group_of.get(lk.source), grouped.group_of.get(lk.target)
        for g in (a, b):
            if g:
                of_group.setdefault(g, set()).update(lk.years)
        if a and b and a != b:
            of_pair.setdefault((min(a, b), max(a, b)), set()).update(lk.years)
    return of_group, of_pair


def group_members_payload(grouped: GroupedNetwork, net: Network, key: str) -> dict[str, Any]:
    """A group's members with a local layout, their links, and the groups of outside ends."""
    group = next(g for g in grouped.groups if g.key == key)
    members = set(group.members)
    rank = importance(topology(net))
    touching = tuple(lk for lk in net.links if lk.source in members or lk.target in members)
    sub = Network(
        nodes=tuple(n for n in net.nodes if n.key in members),
        links=tuple(lk for lk in touching if lk.source in members and lk.target in members),
    )
    payload = network_payload(sub, layout=True, ranks=rank)
    payload["edges"] = [dict(e, id=f"m{key}-{i}") for i, e in enumerate(payload["edges"])]
    ends = {k for lk in touching for k in (lk.source, lk.target)} - members
    outside = Network(nodes=tuple(n for n in net.nodes if n.key in ends), links=())
    ext = network_payload(
        Network(
            nodes=sub.nodes + outside.nodes,
            links=tuple(
                lk for lk in touching if not (lk.source in members and lk.target in members)
            ),
        ),
        layout=False,
        ranks=rank,
    )
    payload["edges"] += [dict(e, id=f"x{key}-{i}") for i, e in enumerate(ext["edges"])]
    payload["group_of"] = {n.key: grouped.group_of[n.key] for n in outside.nodes}
    payload["key"], payload["label"] = key, group.label
    return payload
