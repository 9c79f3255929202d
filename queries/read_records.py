"""Typed rows that the API's read functions return (entities, links, evidence, pages).

They are frozen so a DataLoader can hand the same row to many resolvers safely, and plain
so the GraphQL layer maps them without knowing any Cypher.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "EvidenceRow",
    "OrganisationRow",
    "ProgrammeRow",
    "EntityRow",
    "MeasureRow",
    "DocumentRow",
    "LinkRow",
    "Page",
    "SearchRow",
    "GraphView",
    "evidence_from_lists",
    "entity_from",
]


@dataclass(frozen=True)
class EvidenceRow:
    """One place a fact was seen: document id (``curation`` for coordinators), line, page, quote.

    >>> EvidenceRow("a.pdf", 3, -1, "Satz").page
    -1
    """

    doc: str
    line: int | None
    page: int | None
    quote: str | None
    year: int | None = None  # stated in the sentence or the report's; None: not stored


def evidence_from_lists(
    docs: Sequence[Any],
    lines: Sequence[Any],
    pages: Sequence[Any],
    quotes: Sequence[Any],
    years: Sequence[Any] = (),
) -> tuple[EvidenceRow, ...]:
    """Zip the parallel ``ev_*`` lists of a link (or of a MENTIONS) into evidence rows.

    Lists of unequal length are padded with ``None`` rather than silently cut.

    >>> evidence_from_lists(["a", "b"], [1, 2], [-1], ["x", "y"])[1]
    EvidenceRow(doc='b', line=2, page=None, quote='y')
    """
    n = max(len(docs), len(lines), len(pages), len(quotes))

    def at(seq: Sequence[Any], i: int) -> Any:
        return seq[i] if i < len(seq) else None

    def year(i: int) -> int | None:
        y = at(years, i)
        return int(y) if y is not None and y >= 0 else None  # -1: unknown

    return tuple(
        EvidenceRow(str(at(docs, i)), at(lines, i), at(pages, i), at(quotes, i), year(i))
        for i in range(n)
    )


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    name: str
    type: str | None
    aliases: tuple[str, ...] = ()

    @classmethod
    def from_map(cls, m: dict[str, Any]) -> OrganisationRow:
        return cls(m["id"], m["name"], m["type"], tuple(m["aliases"]))


@dataclass(frozen=True)
class ProgrammeRow:
    id: str
    name: str
    kind: str | None
    aliases: tuple[str, ...] = ()

    @classmethod
    def from_map(cls, m: dict[str, Any]) -> ProgrammeRow:
        return cls(m["id"], m["name"], m["kind"], tuple(m["aliases"]))


EntityRow = OrganisationRow | ProgrammeRow


def entity_from(
    label: str, id_: str, name: str | None, type_: str | None, aliases: Sequence[str] | None
) -> EntityRow:
    """An organisation or programme row from the columns every API statement returns.

    >>> entity_from("Programme", "iq", "IQ", "Netzwerk", ["Integration durch Qualifizierung"])
    ProgrammeRow(id='iq', name='IQ', kind='Netzwerk', aliases=('Integration durch Qualifizierung',))
    """
    names = tuple(aliases or ())
    if label == "Programme":
        return ProgrammeRow(id_, name or id_, type_, names)
    return OrganisationRow(id_, name or id_, type_, names)


@dataclass(frozen=True)
class MeasureRow:
    id: str
    title: str | None
    type: str | None
    category: int | None
    year: int | None
    org_id: str | None
    evidence: EvidenceRow | None

    @classmethod
    def from_map(cls, m: dict[str, Any]) -> MeasureRow:
        ev = None
        if m.get("doc") is not None:
            ev = EvidenceRow(m["doc"], m.get("line"), m.get("page"), m.get("quote"))
        return cls(
            m["id"],
            m.get("title"),
            m.get("type"),
            m.get("category"),
            m.get("year"),
            m.get("org_id"),
            ev,
        )


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str | None
    path: str | None
    loaded_at: str | None
    publisher: str | None = None
    year: int | None = None

    @classmethod
    def from_map(cls, m: dict[str, Any]) -> DocumentRow:
        return cls(
            m["id"], m["title"], m["path"], m["loaded_at"], m.get("publisher"), m.get("year")
        )


@dataclass(frozen=True)
class LinkRow:
    """A typed link seen from ``node_id``: ``outgoing`` tells the stored direction."""

    node_id: str
    type: str
    outgoing: bool
    other: EntityRow
    evidence: tuple[EvidenceRow, ...]

    @property
    def source_id(self) -> str:
        return self.node_id if self.outgoing else self.other.id

    @property
    def target_id(self) -> str:
        return self.other.id if self.outgoing else self.node_id


@dataclass(frozen=True)
class Page:
    """One page of a keyset-paginated list; ``total`` is None when it was not asked for."""

    rows: tuple[Any, ...]
    total: int | None
    has_next: bool


@dataclass(frozen=True)
class SearchRow:
    entity: EntityRow
    label: str
    score: float


@dataclass(frozen=True)
class GraphView:
    """Nodes and directed typed links (an ego network or a path); ``truncated`` if capped."""

    nodes: tuple[EntityRow, ...]
    links: tuple[tuple[str, str, str, tuple[EvidenceRow, ...]], ...]  # source, target, type, ev
    truncated: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
