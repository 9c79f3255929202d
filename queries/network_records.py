"""Typed rows of the network views: nodes, links with evidence, and the page profiles.

A node is keyed by ``kind:id`` (``org:stadt-duisburg``, ``prog:iq``) because an
organisation and a programme may share a slug; the key is what the pages use as vis id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Evidence",
    "NetNode",
    "NetLink",
    "Network",
    "KeyFigures",
    "SearchHit",
    "MeasureRow",
    "LinkedEntity",
    "EntityProfile",
    "node_key",
]


def node_key(kind: str, id_: str) -> str:
    """The vis id of a node: kind and slug.

    >>> node_key("org", "stadt-duisburg")
    'org:stadt-duisburg'
    """
    return f"{kind}:{id_}"


@dataclass(frozen=True)
class Evidence:
    """One place a fact was seen: document, 1-based line, page (-1 if none) and sentence."""

    doc: str
    line: int | None
    page: int | None
    quote: str
    source: str = ""  # the document as readers cite it: „Titel“ (2021); empty if unknown


@dataclass(frozen=True)
class NetNode:
    kind: str  # "org" or "prog"
    id: str
    name: str
    type: str | None  # organisation type or programme kind
    categories: tuple[int, ...] = ()  # fields of action of the organisation's measures
    years: tuple[int, ...] = ()  # report years of the documents that name it

    @property
    def key(self) -> str:
        return node_key(self.kind, self.id)


@dataclass(frozen=True)
class NetLink:
    source: str  # node key
    target: str  # node key
    type: str  # a RelType of LINK_TYPES
    evidence: tuple[Evidence, ...] = ()  # the first few entries
    evidence_count: int = 0  # how many entries the link has in all
    years: tuple[int, ...] = ()  # years of all its evidence (stated, else the report's)


@dataclass(frozen=True)
class Network:
    """Nodes and the links among them; ``truncated`` when a size cap cut the walk short."""

    nodes: tuple[NetNode, ...]
    links: tuple[NetLink, ...]
    truncated: bool = False
    centre: str | None = None  # key of the ego node or programme, if any


@dataclass(frozen=True)
class KeyFigures:
    organisations: int
    programmes: int
    measures: int
    links: int


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: str
    name: str
    type: str | None


@dataclass(frozen=True)
class MeasureRow:
    id: str
    title: str
    type: str | None
    year: int | None
    category: int | None
    category_name: str | None
    evidence: Evidence | None


@dataclass(frozen=True)
class LinkedEntity:
    """The other end of a typed link, seen from the profile's entity."""

    kind: str
    id: str
    name: str
    type: str | None
    link_type: str
    outgoing: bool  # the profile's entity is the start of the link
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class EntityProfile:
    """What an organisation's or a programme's page lists besides its network."""

    kind: str
    id: str
    name: str
    type: str | None
    aliases: tuple[str, ...] = ()
    measures: tuple[MeasureRow, ...] = ()
    links: tuple[LinkedEntity, ...] = field(default_factory=tuple)
