"""Read functions of networks: the whole network, ego networks, programmes, subgraphs.

Each returns a :class:`~queries.records.Network` (nodes plus the links among them) so the
pages, GraphQL's ``egoNetwork``, the ``vielfalt viz`` command and notebooks show the same
thing. Ego networks are walked breadth-first one statement per step, so a depth-3 walk on a
large graph stops at ``max_nodes`` instead of pulling everything.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from .db import consistent, read
from .documents import document_infos
from .errors import InputError, NotFound
from .read_links import existing_labels
from .records import (
    Evidence,
    KeyFigures,
    NetLink,
    NetNode,
    Network,
    evidence_from_lists,
    kind_of,
    node_key,
)
from .settings import Settings, get_settings
from .statements import statement

__all__ = [
    "whole_network",
    "ego_network",
    "programme_network",
    "key_figures",
    "subgraph",
    "MAX_DEPTH",
]

log = logging.getLogger(__name__)

MAX_DEPTH = 3
EVIDENCE_PER_LINK = 3  # quotes per link in tooltips; the profile pages show all of them
_ALL_EVIDENCE = 2**31 - 1

_NODES = statement("network_nodes")
_LINKS = statement("network_links")
_NEIGHBOURS = statement("network_neighbours")
_KEY_FIGURES = statement("network_key_figures")


def _evidence(row: dict[str, Any], sources: Mapping[str, str]) -> tuple[Evidence, ...]:
    return evidence_from_lists(
        row["docs"], row["lines"], row["pages"], row["quotes"], row.get("years", ()), sources
    )


def _years(stated: list[int], docs: list[str], doc_years: Mapping[str, int]) -> tuple[int, ...]:
    """The distinct years of a link's evidence or a node's documents: a stored year where
    there is one (``stated[i]``, -1 unknown), else the year of document ``docs[i]``.

    >>> _years([2019, -1], ["a", "b"], {"a": 2021, "b": 2020}), _years([], ["a"], {"a": 2021})
    ((2019, 2020), (2021,))
    """
    out = set()
    for i, doc in enumerate(docs):
        year = stated[i] if i < len(stated) and stated[i] is not None and stated[i] >= 0 else None
        year = year if year is not None else doc_years.get(str(doc))
        if year is not None:
            out.add(int(year))
    return tuple(sorted(out))


def _split(keys: Iterable[str]) -> tuple[list[str], list[str]]:
    orgs: list[str] = []
    progs: list[str] = []
    for key in keys:
        kind, _, id_ = key.partition(":")
        (orgs if kind == "org" else progs).append(id_)
    return orgs, progs


def _network(
    org_ids: list[str] | None,
    prog_ids: list[str] | None,
    settings: Settings | None,
    *,
    truncated: bool = False,
    centre: str | None = None,
    evidence: int | None = EVIDENCE_PER_LINK,
    citations: bool = True,
) -> Network:
    # without citations, no document is read: nodes and links then carry no years either
    # (their evidence still carries the years stored with it)
    infos = document_infos(settings) if citations else {}
    doc_years = {k: d.year for k, d in infos.items() if d.year is not None}
    nodes = tuple(
        NetNode(
            kind=r["kind"],
            id=r["id"],
            name=r["name"] or r["id"],
            type=r["type"],
            categories=tuple(sorted(int(c) for c in r["categories"])),
            years=_years([], r.get("docs") or [], doc_years),
        )
        for r in read(_NODES, settings, org_ids=org_ids, prog_ids=prog_ids)
    )
    sources = {k: d.citation for k, d in infos.items()}
    links = tuple(
        NetLink(
            source=node_key(r["source_kind"], r["source_id"]),
            target=node_key(r["target_kind"], r["target_id"]),
            type=r["type"],
            evidence=_evidence(r, sources),
            evidence_count=r["evidence"],
            years=_years(r.get("years") or [], r.get("all_docs") or [], doc_years),
        )
        for r in read(
            _LINKS,
            settings,
            org_ids=org_ids,
            prog_ids=prog_ids,
            quotes=_ALL_EVIDENCE if evidence is None else evidence,
        )
    )
    if centre is not None:  # the centre first, then by id
        nodes = tuple(sorted(nodes, key=lambda n: (n.key != centre, n.id, n.kind)))
    return Network(nodes=nodes, links=links, truncated=truncated, centre=centre)


def whole_network(settings: Settings | None = None) -> Network:
    """Every organisation and programme with every typed link."""
    return consistent(lambda: _network(None, None, settings), settings)


def subgraph(keys: Iterable[str], settings: Settings | None = None) -> Network:
    """The given nodes (``org:ID`` / ``prog:ID`` keys) and the links among them."""
    orgs, progs = _split(keys)
    return consistent(lambda: _network(orgs, progs, settings), settings)


def ego_network(
    node_id: str,
    depth: int = 1,
    *,
    max_nodes: int | None = None,
    evidence: int | None = EVIDENCE_PER_LINK,
    citations: bool = True,
    depth_name: str = "Tiefe",
    settings: Settings | None = None,
) -> Network:
    """An organisation (or a programme), everything within ``depth`` (1-3) typed links, and
    the links among them; the centre is the first node.

    At most ``max_nodes`` nodes (default ``VIZ_AGGREGATE_ABOVE``; the last ring is cut in
    key order); ``evidence`` entries per link (None: all), cited by title and year, and nodes
    and links with their years, unless ``citations`` is false (which saves reading every
    document; evidence keeps its stored years). Raises NotFound for an unknown
    id and InputError (named ``depth_name``, as the caller's user knows it) for a depth
    outside 1-3.
    """
    if not 1 <= depth <= MAX_DEPTH:
        raise InputError(depth_name, f"{depth_name} muss zwischen 1 und {MAX_DEPTH} liegen")
    s = settings or get_settings()
    cap = max_nodes if max_nodes is not None else s.viz_aggregate_above
    return consistent(lambda: _ego(node_id, depth, cap, evidence, citations, s), s)


def _ego(
    node_id: str, depth: int, cap: int, evidence: int | None, citations: bool, s: Settings
) -> Network:
    label = existing_labels([node_id], s).get(node_id)
    if label is None:
        raise NotFound(f"Organisation oder Programm {node_id!r} gibt es nicht im Graphen")
    centre = node_key(kind_of(label), node_id)
    seen, frontier, truncated = {centre}, {centre}, False
    for _ in range(depth):
        orgs, progs = _split(frontier)
        found = {
            node_key(r["kind"], r["id"]) for r in read(_NEIGHBOURS, s, org_ids=orgs, prog_ids=progs)
        }
        frontier = found - seen
        if len(seen) + len(frontier) > cap:
            frontier = set(sorted(frontier)[: max(cap - len(seen), 0)])
            truncated = True
        seen |= frontier
        if not frontier or truncated:
            break
    orgs, progs = _split(seen)
    log.debug("ego network of %s: depth %d, %d nodes", node_id, depth, len(seen))
    return _network(
        orgs, progs, s, truncated=truncated, centre=centre, evidence=evidence, citations=citations
    )


def programme_network(prog_id: str, settings: Settings | None = None) -> Network:
    """A programme, its participants (everything linked to it) and their links."""
    return consistent(lambda: _programme_network(prog_id, settings), settings)


def _programme_network(prog_id: str, settings: Settings | None) -> Network:
    if existing_labels([prog_id], settings).get(prog_id) != "Programme":
        raise NotFound(f"Programm {prog_id!r} ist nicht im Graphen")
    centre = node_key("prog", prog_id)
    around = {
        node_key(r["kind"], r["id"])
        for r in read(_NEIGHBOURS, settings, org_ids=[], prog_ids=[prog_id])
    }
    orgs, progs = _split(around | {centre})
    return _network(orgs, progs, settings, centre=centre)


def key_figures(settings: Settings | None = None) -> KeyFigures:
    """Counts of organisations, programmes, measures and typed links."""
    row = read(_KEY_FIGURES, settings)[0]
    return KeyFigures(
        **{k: int(row[k]) for k in ("organisations", "programmes", "measures", "links")}
    )
