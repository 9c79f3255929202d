"""Typed reads around entities: links with evidence, measures, mentions, documents and
cooperation paths, for GraphQL and the pages alike.

Batch functions (``links_for``, ``*_of``) describe one statement for many ids (a
:class:`queries.db.Read`): the DataLoaders collect the ids of a request level, a page asks
for one id. Ego networks are :func:`queries.network.ego_network`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import db
from .db import Read
from .errors import InputError, NotFound
from .records import (
    DocumentRow,
    Evidence,
    LinkRow,
    MeasureRow,
    NetLink,
    NetNode,
    Network,
    entity_from,
    evidence_from_lists,
    kind_of,
    node_key,
)
from .schema import LINK_TYPES
from .settings import Settings
from .statements import statement

__all__ = [
    "EVIDENCE_ATTRIBUTES",
    "LinkQuery",
    "links_for",
    "measures_of",
    "mentions_of",
    "documents_of",
    "existing_labels",
    "cooperation_path",
]

_LINKS_FOR = statement("api_links_of_keys")
_MEASURES_OF = statement("api_measures_of_organisations")
_MENTIONS_OF = statement("api_mentions_of_nodes")
_DOCUMENTS_OF = statement("api_documents_of_organisations")
_EXISTING = statement("api_existing_ids")
_PATH = statement("api_shortest_path")

_TYPES = [str(t) for t in LINK_TYPES]

# the stored evidence lists a reader may want besides the document ids (``ev_docs``, which
# every piece of evidence has): the attributes of :class:`records.Evidence` they fill
EVIDENCE_ATTRIBUTES: tuple[str, ...] = ("line", "page", "quote", "year")


@dataclass(frozen=True)
class LinkQuery:
    """Which links of one node a GraphQL field wants (hashable: it is a DataLoader key).

    ``other_label`` narrows the other end (``Organisation``/``Programme``), ``outgoing`` the
    stored direction (None: both), ``limit`` caps the links, taken in order of the other
    end's id, so a hub's thousands of links never leave the database for a 20-row field.
    ``evidence`` names the evidence attributes to read besides the document (a subset of
    :data:`EVIDENCE_ATTRIBUTES`; None: no evidence at all): a page that shows ``docId
    line`` leaves the quotes, most of a link's bytes, in the database. Attributes not read
    are ``None``.
    """

    id: str
    types: tuple[str, ...] = tuple(_TYPES)
    other_label: str | None = None
    outgoing: bool | None = None
    limit: int | None = None
    evidence: tuple[str, ...] | None = EVIDENCE_ATTRIBUTES


def links_for(keys: Sequence[LinkQuery]) -> Read[dict[LinkQuery, list[LinkRow]]]:
    """The links each key asks for, in one statement (keys without links are left out).

    Whole documents only: evidence of the documents the request's view hides
    (:mod:`queries.view`) is left out, and so is a link with no other evidence.
    """
    keys = list(keys)
    params = [
        {
            "id": q.id,
            "types": list(q.types),
            "other_label": q.other_label,
            "outgoing": q.outgoing,
            "limit": q.limit,
            "evidence": None if q.evidence is None else list(q.evidence),
        }
        for q in keys
    ]

    def shape(rows: list[dict[str, Any]]) -> dict[LinkQuery, list[LinkRow]]:
        (answer,) = rows
        hidden = frozenset(answer["hidden"])
        out: dict[LinkQuery, list[LinkRow]] = {}
        for entry in answer["found"]:
            key = keys[entry["k"]]
            links = []
            for r in entry["links"]:
                evidence = evidence_from_lists(
                    r["docs"], r["lines"], r["pages"], r["quotes"], r.get("years", ())
                )
                if hidden and evidence:
                    evidence = tuple(e for e in evidence if e.doc not in hidden)
                    if not evidence:
                        continue
                other = entity_from(
                    r["other_label"],
                    r["other_id"],
                    r["other_name"],
                    r["other_type"],
                    r["other_aliases"],
                )
                links.append(LinkRow(key.id, r["type"], r["outgoing"], other, evidence))
            if links:
                out[key] = links
        return out

    return Read(_LINKS_FOR, {"keys": params}, shape)


def measures_of(
    keys: Sequence[tuple[str, int | None]],
) -> Read[dict[tuple[str, int | None], list[MeasureRow]]]:
    """Measures per (organisation id, field of action or None), ordered by year; whole
    documents only, as :func:`links_for`."""

    def shape(rows: list[dict[str, Any]]) -> dict[tuple[str, int | None], list[MeasureRow]]:
        (answer,) = rows
        out: dict[tuple[str, int | None], list[MeasureRow]] = defaultdict(list)
        for r in answer["found"]:
            out[(r["id"], r["category"])].append(MeasureRow.from_map(r["measure"]))
        return dict(out)

    return Read(_MEASURES_OF, {"keys": [{"id": i, "category": c} for i, c in keys]}, shape)


def mentions_of(ids: Sequence[str]) -> Read[dict[str, list[Evidence]]]:
    """Where each organisation or programme is named, one evidence row per place."""

    def shape(rows: list[dict[str, Any]]) -> dict[str, list[Evidence]]:
        out: dict[str, list[Evidence]] = defaultdict(list)
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


def cooperation_path(source: str, target: str, settings: Settings | None = None) -> Network | None:
    """The shortest chain of typed links between two organisations, or None if none exists.

    Links are followed in either direction; each hop keeps its stored direction and evidence.
    Both reads see the same documents (:func:`queries.db.consistent`).
    """
    return db.consistent(lambda: _cooperation_path(source, target, settings), settings)


def _cooperation_path(source: str, target: str, settings: Settings | None) -> Network | None:
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
        NetNode(kind_of(n["label"]), n["id"], n["name"] or n["id"], n["type"])
        for n in rows[0]["nodes"]
    )
    kinds = {n.id: n.kind for n in nodes}
    hidden = frozenset(rows[0]["hidden"])  # the view's: their evidence is left out
    links = []
    for x in rows[0]["links"]:
        evidence = evidence_from_lists(
            x["docs"], x["lines"], x["pages"], x["quotes"], x.get("years", ())
        )
        evidence = tuple(e for e in evidence if e.doc not in hidden)
        source = node_key(kinds[x["source"]], x["source"])
        target = node_key(kinds[x["target"]], x["target"])
        links.append(NetLink(source, target, x["type"], evidence, len(evidence)))
    return Network(nodes, tuple(links))
