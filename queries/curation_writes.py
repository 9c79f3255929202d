"""Coordinator corrections applied to the graph at once: merge, add link, reject link, rename.

Each function changes the graph in one transaction and returns what it did; the API then
records the same correction in the corrections file (:mod:`queries.corrections`) so that it
survives a reload. Links keep the model's rules: ``COOPERATES_WITH`` is stored from the
smaller id to the larger, coordinator evidence has the document id ``curation``.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import neo4j

from . import db
from .corrections import CURATION_DOC, LinkFix, Merge, Rename, append_correction
from .errors import InputError, NotFound
from .folding import refresh_search_text
from .read import organisations_by_ids, programmes_by_ids
from .read_links import existing_labels
from .schema import LINK_TYPES, RelType, stored_direction
from .settings import Settings
from .statements import statement

__all__ = [
    "CURATION_DOC",
    "LinkSpec",
    "link_type",
    "check_link",
    "rename_organisation",
    "add_link",
    "reject_link",
    "merge_organisations",
    "curate_rename",
    "curate_add_link",
    "curate_reject_link",
    "curate_merge",
]

log = logging.getLogger(__name__)

_RENAME = statement("api_curation_rename")
_MERGE_LINKS = statement("merge_links")  # the loader's writer: one way to write a link
_REJECT = statement("api_curation_reject_link")
_MERGE_REST = statement("api_curation_merge_rest")
_LINKS_OF = statement("api_links_of_nodes")
_FILE_LOCK = threading.Lock()  # appends are load-modify-save: one at a time per process

ORG, PROG = "Organisation", "Programme"
# allowed (source label, target label) per link type, from docs/graph-model.md
_ENDS: dict[RelType, set[tuple[str, str]]] = {
    RelType.COOPERATES_WITH: {(ORG, ORG)},
    RelType.PARTICIPATES_IN: {(ORG, PROG)},
    RelType.SIGNED: {(ORG, PROG)},
    RelType.FUNDED_BY: {(ORG, ORG), (ORG, PROG), (PROG, ORG), (PROG, PROG)},
    RelType.PART_OF: {(ORG, ORG)},
    RelType.ORGANISED_BY: {(PROG, ORG)},
}


@dataclass(frozen=True)
class LinkSpec:
    """A link as stored: symmetric links already ordered smaller id first."""

    source: str
    target: str
    type: RelType
    source_label: str = ORG
    target_label: str = ORG

    def row(
        self,
        docs: list[str],
        lines: list[int],
        pages: list[int],
        quotes: list[str],
        years: list[int] | None = None,
    ) -> dict[str, Any]:
        """The row of the ``merge_links`` statement, evidence lists included."""
        return {
            "source_label": self.source_label,
            "source_id": self.source,
            "type": str(self.type),
            "target_label": self.target_label,
            "target_id": self.target,
            "docs": docs,
            "lines": lines,
            "pages": pages,
            "quotes": quotes,
            "years": years if years is not None else [-1] * len(docs),
        }


def link_type(name: str) -> RelType:
    """The link type named ``name``, or InputError listing the allowed ones.

    >>> link_type("cooperates_with")
    <RelType.COOPERATES_WITH: 'COOPERATES_WITH'>
    """
    try:
        rel = RelType(name.upper())
    except ValueError:
        rel = None
    if rel not in LINK_TYPES:
        allowed = ", ".join(LINK_TYPES)
        raise InputError("type", f"unbekannter Verbindungstyp {name!r} (erlaubt: {allowed})")
    return rel


def _ordered(source: str, target: str, rel: RelType, labels: dict[str, str]) -> LinkSpec:
    source, target = stored_direction(rel, source, target)
    return LinkSpec(source, target, rel, labels[source], labels[target])


def check_link(source: str, target: str, type_: str, settings: Settings | None = None) -> LinkSpec:
    """Validate ends and type of a link against the graph model; returns it as stored."""
    rel = link_type(type_)
    if source == target:
        raise InputError("target", "eine Verbindung braucht zwei verschiedene Knoten")
    labels = existing_labels([source, target], settings)
    for node in (source, target):
        if node not in labels:
            raise NotFound(f"Knoten {node!r} gibt es nicht")
    ends = (labels[source], labels[target])
    if ends not in _ENDS[rel]:
        raise InputError("type", f"{rel} verbindet nicht {ends[0]} mit {ends[1]}")
    return _ordered(source, target, rel, labels)


def rename_organisation(org_id: str, name: str, settings: Settings | None = None) -> str:
    """Give an organisation a new display name; returns the old name (kept as alias)."""
    name = name.strip()
    if not name:
        raise InputError("name", "der neue Name ist leer")

    def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
        found = [r.data() for r in tx.run(_RENAME, id=org_id, name=name)]
        refresh_search_text(tx, [org_id])
        return found

    rows = db.execute(work, settings)
    if not rows:
        raise NotFound(f"Organisation {org_id!r} gibt es nicht")
    log.info("renamed %s from %r to %r", org_id, rows[0]["old_name"], name)
    return str(rows[0]["old_name"])


def add_link(
    source: str,
    target: str,
    type_: str,
    *,
    quote: str,
    doc: str = CURATION_DOC,
    line: int = -1,
    page: int = -1,
    settings: Settings | None = None,
) -> LinkSpec:
    """Create a typed link (or add evidence to it) on a coordinator's word."""
    if not quote.strip():
        raise InputError("evidence", "eine Verbindung braucht einen Beleg (quote)")
    spec = check_link(source, target, type_, settings)
    db.write(_MERGE_LINKS, settings, rows=[spec.row([doc], [line], [page], [quote.strip()])])
    log.info("added link %s -[%s]-> %s", spec.source, spec.type, spec.target)
    return spec


def reject_link(source: str, target: str, type_: str, settings: Settings | None = None) -> int:
    """Delete a typed link; returns how many were removed (0 if it did not exist)."""
    rel = link_type(type_)
    rows = db.write(_REJECT, settings, source=source, target=target, type=str(rel))
    removed = int(rows[0]["removed"]) if rows else 0
    log.info("rejected link %s -[%s]-> %s (%d removed)", source, rel, target, removed)
    return removed


def _moved_links(keep: str, remove: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The links of ``remove`` re-pointed at ``keep`` (links between the two are dropped)."""
    out = []
    for r in rows:
        other = r["other_id"]
        if other == keep:
            continue
        rel = RelType(r["type"])
        source, target = (keep, other) if r["outgoing"] else (other, keep)
        spec = _ordered(source, target, rel, {keep: ORG, other: r["other_label"]})
        out.append(spec.row(r["docs"], r["lines"], r["pages"], r["quotes"], r["years"]))
    return out


def merge_organisations(keep: str, remove: str, settings: Settings | None = None) -> int:
    """Fold organisation ``remove`` into ``keep`` in one transaction; returns links moved.

    Links, evidence, mentions, report blocks and measures move to ``keep``; the name and
    aliases of ``remove`` become aliases of ``keep``.
    """
    if keep == remove:
        raise InputError(
            "remove", "eine Organisation kann nicht mit sich selbst zusammengeführt werden"
        )
    labels = existing_labels([keep, remove], settings)
    for oid in (keep, remove):
        if labels.get(oid) != ORG:
            raise NotFound(f"Organisation {oid!r} gibt es nicht")
    types = [str(t) for t in LINK_TYPES]

    def work(tx: neo4j.ManagedTransaction) -> int:
        rows = [r.data() for r in tx.run(_LINKS_OF, ids=[remove], types=types)]
        moved = _moved_links(keep, remove, rows)
        if moved:
            tx.run(_MERGE_LINKS, rows=moved).consume()
        tx.run(_MERGE_REST, keep=keep, remove=remove).consume()
        refresh_search_text(tx, [keep])
        return len(moved)

    moved = db.execute(work, settings)
    log.info("merged %s into %s (%d links moved)", remove, keep, moved)
    return moved


# --- apply to the graph now AND record in the corrections file (names, not ids: the loader
# --- matches corrections by name so they survive re-extraction)


def _record(
    correction: Merge | Rename | LinkFix, settings: Settings | None, *, reject: bool = False
) -> None:
    from .settings import get_settings

    path = (settings or get_settings()).corrections_file
    with _FILE_LOCK:
        append_correction(path, correction, reject=reject)
    log.info("recorded %s in %s", type(correction).__name__, path)


def _names(ids: list[str], settings: Settings | None) -> dict[str, str]:
    found = {k: v.name for k, v in db.fetch(programmes_by_ids(ids), settings).items()}
    found.update({k: v.name for k, v in db.fetch(organisations_by_ids(ids), settings).items()})
    return found


def curate_rename(org_id: str, name: str, settings: Settings | None = None) -> str:
    """Rename in the graph and record ``Rename(old name -> new name)``; returns the old name."""
    old = rename_organisation(org_id, name, settings)
    if old != name.strip():
        _record(Rename(name=old, to=name.strip()), settings)
    return old


def curate_merge(keep: str, remove: str, settings: Settings | None = None) -> int:
    """Merge in the graph and record ``Merge(names=[removed name], into=kept name)``."""
    names = _names([keep, remove], settings)
    moved = merge_organisations(keep, remove, settings)
    _record(Merge(names=(names[remove],), into=names[keep]), settings)
    return moved


def curate_add_link(
    source: str,
    target: str,
    type_: str,
    *,
    quote: str,
    doc: str = CURATION_DOC,
    line: int = -1,
    page: int = -1,
    settings: Settings | None = None,
) -> LinkSpec:
    """Add the link in the graph and record it (for every document unless ``doc`` is given)."""
    spec = add_link(
        source, target, type_, quote=quote, doc=doc, line=line, page=page, settings=settings
    )
    names = _names([spec.source, spec.target], settings)
    _record(
        LinkFix(
            source=names[spec.source],
            target=names[spec.target],
            type=str(spec.type),  # checked by link_type
            doc=None if doc == CURATION_DOC else doc,
            line=line if line >= 1 else None,
            evidence=quote.strip(),
        ),
        settings,
    )
    return spec


def curate_reject_link(
    source: str, target: str, type_: str, settings: Settings | None = None
) -> int:
    """Delete the link in the graph and record the rejection so a reload does not restore it."""
    rel = link_type(type_)
    names = _names([source, target], settings)
    for node in (source, target):
        if node not in names:
            raise NotFound(f"Knoten {node!r} gibt es nicht")
    removed = reject_link(source, target, rel, settings)
    _record(
        LinkFix(source=names[source], target=names[target], type=str(rel)),
        settings,
        reject=True,
    )
    return removed
