"""Typed reads around entities for the API: links with evidence, measures, documents,
ego networks and cooperation paths.

Batch functions (``links_for``, ``*_of``) describe one statement for many ids (a
:class:`queries.db.Read`), for the DataLoaders.
The ego network walks ring by ring (one statement per ring plus one for the links) and stops
at ``max_nodes`` so a hub cannot make one request return the whole graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import db
from .db import Read
from .errors import InputError, NotFound
from .read_records import (
    DocumentRow,
    EvidenceRow,
    GraphView,
    LinkRow,
    MeasureRow,
    entity_from,
    evidence_from_lists,
)
from .schema import LINK_TYPES
from .settings import Settings
from .statements import statement

__all__ = [
    "LinkQuery",
    "links_for",
    "measures_of",
    "mentions_of",
    "documents_of",
    "existing_labels",
    "ego_network",
    "cooperation_path",
    "MAX_EGO_DEPTH",
]

_LINKS_FOR = statement("api_links_of_keys")
_MEASURES_OF = statement("api_measures_of_organisations")
_MENTIONS_OF = statement("api_mentions_of_nodes")
_DOCUMENTS_OF = statement("api_documents_of_organisations")
_EXISTING = statement("api_existing_ids")
_NEIGHBOURS = statement("api_neighbour_ids")
_LINKS_AMONG = statement("api_links_among")
_PATH = statement("api_shortest_path")

_TYPES = [str(t) for t in LINK_TYPES]
MAX_EGO_DEPTH = 3


@dataclass(frozen=True)
class LinkQuery:
    """Which links of one node a GraphQL field wants (hashable: it is a DataLoader key).

    ``other_label`` narrows the other end (``Organisation``/``Programme``), ``outgoing`` the
    stored direction (None: both), ``limit`` caps the links, taken in order of the other
    end's id, so a hub's thousands of links never leave the database for a 20-row field.
    """

    id: str
    types: tuple[str, ...] = tuple(_TYPES)
    other_label: str | None = None
    outgoing: bool | None = None
    limit: int | None = None


def links_for(keys: Sequence[LinkQuery]) -> Read[dict[LinkQuery, list[LinkRow]]]:
    """The links each key asks for, in one statement (keys without links are left out)."""
    keys = list(keys)
    params = [
        {
            "id": q.id,
            "types": list(q.types),
            "other_label": q.other_label,
            "outgoing": q.outgoing,
            "limit": q.limit,
        }
        for q in keys
    ]

    def shape(rows: list[dict[str, Any]]) -> dict[LinkQuery, list[LinkRow]]:
        out: dict[LinkQuery, list[LinkRow]] = {}
        for row in rows:
            key = keys[row["k"]]
            out[key] = [
                LinkRow(
                    key.id,
                    r["type"],
                    r["outgoing"],
                    entity_from(
                        r["other_label"],
                        r["other_id"],
                        r["other_name"],
                        r["other_type"],
                        r["other_aliases"],
                    ),
                    evidence_from_lists(
                        r["docs"], r["lines"], r["pages"], r["quotes"], r.get("years", ())
                    ),
                )
                for r in row["links"]
            ]
        return out

    return Read(_LINKS_FOR, {"keys": params}, shape)


def measures_of(
    keys: Sequence[tuple[str, int | None]],
) -> Read[dict[tuple[str, int | None], list[MeasureRow]]]:
    """Measures per (organisation id, field of action or None), ordered by year."""

    def shape(rows: list[dict[str, Any]]) -> dict[tuple[str, int | None], list[MeasureRow]]:
        out: dict[tuple[str, int | None], list[MeasureRow]] = defaultdict(list)
        for r in rows:
            out[(r["id"], r["category"])].append(MeasureRow.from_map(r["measure"]))
        return dict(out)

    return Read(_MEASURES_OF, {"keys": [{"id": i, "category": c} for i, c in keys]}, shape)


def mentions_of(ids: Sequence[str]) -> Read[dict[str, list[EvidenceRow]]]:
    """Where each organisation or programme is named, one evidence row per place."""

    def shape(rows: list[dict[str, Any]]) -> dict[str, list[EvidenceRow]]:
        out: dict[str, list[EvidenceRow]] = defaultdict(list)
        for r in rows:
            docs = [r["doc"]] * max(len(r["lines"]), len(r["quotes"]), 1)
            out[r["id"]].extend(evidence_from_lists(docs, r["lines"], r["pages"], r["quotes"]))
        return dict(out)

    return Read(_MENTIONS_OF, {"ids": list(ids)}, shape)


def documents_of(ids: Sequence[str]) -> Read[dict[str, list[DocumentRow]]]:
    """Documents that report on or mention each organisation."""

    def shape(rows: list[dict[str, Any]]) -> dict[str, list[DocumentRow]]:
        out: dict[str, list[DocumentRow]] = defaultdict(list)
        for r in rows:
            out[r["id"]].append(DocumentRow.from_map(r["document"]))
        return dict(out)

    return Read(_DOCUMENTS_OF, {"ids": list(ids)}, shape)


def existing_labels(ids: Sequence[str], settings: Settings | None = None) -> dict[str, str]:
    """Label (``Organisation``/``Programme``) of each id that exists."""
    return {r["id"]: r["label"] for r in db.read(_EXISTING, settings, ids=list(ids))}


def ego_network(
    node_id: str, *, depth: int = 1, max_nodes: int = 500, settings: Settings | None = None
) -> GraphView:
    """The nodes within ``depth`` typed links of ``node_id`` and the links among them.

    Raises NotFound for an unknown id and InputError for a depth outside 1..3.
    """
    if not 1 <= depth <= MAX_EGO_DEPTH:
        raise InputError("depth", f"depth muss zwischen 1 und {MAX_EGO_DEPTH} liegen")
    if not existing_labels([node_id], settings):
        raise NotFound(f"Knoten {node_id!r} gibt es nicht")
    seen = {node_id}
    frontier = [node_id]
    truncated = False
    for _ in range(depth):
        if not frontier:
            break
        room = max_nodes - len(seen)
        rows = db.read(_NEIGHBOURS, settings, ids=frontier, types=_TYPES, limit=room + 1)
        fresh = [r["id"] for r in rows if r["id"] not in seen]
        if len(fresh) > room:
            fresh, truncated = fresh[:room], True
        seen.update(fresh)
        frontier = fresh
        if truncated:
            break
    nodes = []
    links = []
    for r in db.read(_LINKS_AMONG, settings, ids=sorted(seen), types=_TYPES):
        nodes.append(entity_from(r["label"], r["id"], r["name"], r["type"], r["aliases"]))
        for link in r["links"]:
            if link is None:
                continue
            ev = evidence_from_lists(
                link["docs"], link["lines"], link["pages"], link["quotes"], link.get("years", ())
            )
            links.append((r["id"], link["target"], link["type"], ev))
    nodes.sort(key=lambda n: (n.id != node_id, n.id))
    return GraphView(tuple(nodes), tuple(sorted(links, key=lambda x: x[:3])), truncated)


def cooperation_path(
    source: str, target: str, settings: Settings | None = None
) -> GraphView | None:
    """The shortest chain of typed links between two organisations, or None if none exists.

    Links are followed in either direction; each hop keeps its stored direction and evidence.
    """
    labels = existing_labels([source, target], settings)
    for oid in (source, target):
        if labels.get(oid) != "Organisation":
            raise NotFound(f"Organisation {oid!r} gibt es nicht")
    if source == target:
        raise InputError("to", "Start und Ziel sind dieselbe Organisation")
    rows = db.read(_PATH, settings, source=source, target=target)
    if not rows:
        return None
    nodes = tuple(
        entity_from(n["label"], n["id"], n["name"], n["type"], n["aliases"])
        for n in rows[0]["nodes"]
    )
    links = tuple(
        (
            x["source"],
            x["target"],
            x["type"],
            evidence_from_lists(x["docs"], x["lines"], x["pages"], x["quotes"], x.get("years", ())),
        )
        for x in rows[0]["links"]
    )
    return GraphView(nodes, links)
