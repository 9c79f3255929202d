"""The typed rows every ``queries`` read returns: to the API, the pages, the CLI, notebooks.

Why one family: GraphQL, the pages and the reports show the same graph, so a measure, a
piece of evidence, a search hit or a network is one record whoever reads it, and a
change to what the graph stores changes one class. They are frozen so a DataLoader can
hand the same row to many resolvers, and plain so neither the GraphQL layer nor the
templates need to know any Cypher.

A network node is keyed by ``kind:id`` (``org:stadt-duisburg``, ``prog:iq``) because an
organisation and a programme may share a slug; the key is what the pages use as vis id.

>>> Evidence("a.pdf", 3, -1, "Satz").page
-1
>>> SearchRow(ProgrammeRow("iq", "IQ", "Netzwerk"), "Programme", 1.5).key
'prog:iq'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Evidence",
    "OrganisationRow",
    "ProgrammeRow",
    "EntityRow",
    "MeasureRow",
    "DocumentRow",
    "LinkRow",
    "Page",
    "SearchRow",
    "NetNode",
    "NetLink",
    "Network",
    "KeyFigures",
    "EntityProfile",
    "SynergySuggestion",
    "evidence_from_lists",
    "entity_from",
    "node_key",
    "kind_of",
    "type_of",
]


def node_key(kind: str, id_: str) -> str:
    """The vis id of a node: kind and slug.

    >>> node_key("org", "stadt-duisburg")
    'org:stadt-duisburg'
    """
    return f"{kind}:{id_}"


def kind_of(label: str) -> str:
    """The node kind (``org``/``prog``) of a label (``Organisation``/``Programme``)."""
    return "prog" if label == "Programme" else "org"


@dataclass(frozen=True)
class Evidence:
    """One place a fact was seen: document id (``curation`` for coordinators), 1-based line,
    page (-1 if none), the sentence, how readers cite the document („Titel“ (2021);
    empty when the read did not look it up), and its year (stated in the sentence or the
    report's; None: not stored)."""

    doc: str
    line: int | None
    page: int | None
    quote: str | None
    source: str = ""
    year: int | None = None


def evidence_from_lists(
    docs: Sequence[Any],
    lines: Sequence[Any],
    pages: Sequence[Any],
    quotes: Sequence[Any],
    years: Sequence[Any] = (),
    sources: Mapping[str, str] | None = None,
) -> tuple[Evidence, ...]:
    """Zip the parallel ``ev_*`` lists of a link (or of a MENTIONS) into evidence rows
    (``years``: ``ev_years``, -1 unknown; ``sources``: document id -> how readers cite it).

    Lists of unequal length are padded with ``None`` rather than silently cut.

    >>> evidence_from_lists(["a", "b"], [1, 2], [-1], ["x", "y"], [2019, -1])[0]
    Evidence(doc='a', line=1, page=-1, quote='x', source='', year=2019)
    >>> evidence_from_lists(["a", "b"], [1, 2], [-1], ["x", "y"])[1]
    Evidence(doc='b', line=2, page=None, quote='y', source='', year=None)
    """
    n = max(len(docs), len(lines), len(pages), len(quotes))
    cite = sources or {}

    def at(seq: Sequence[Any], i: int) -> Any:
        return seq[i] if i < len(seq) else None

    def year(i: int) -> int | None:
        y = at(years, i)
        return int(y) if y is not None and y >= 0 else None  # -1: unknown

    return tuple(
        Evidence(
            str(at(docs, i)),
            at(lines, i),
            at(pages, i),
            at(quotes, i),
            cite.get(str(at(docs, i)), ""),
            year(i),
        )
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


def type_of(entity: EntityRow) -> str | None:
    """An organisation's type or a programme's kind: what a list shows beside the name."""
    return entity.type if isinstance(entity, OrganisationRow) else entity.kind


def entity_from(
    label: str, id_: str, name: str | None, type_: str | None, aliases: Sequence[str] | None
) -> EntityRow:
    """An organisation or programme row from the columns every entity statement returns.

    >>> entity_from("Programme", "iq", "IQ", "Netzwerk", ["Integration durch Qualifizierung"])
    ProgrammeRow(id='iq', name='IQ', kind='Netzwerk', aliases=('Integration durch Qualifizierung',))
    """
    names = tuple(aliases or ())
    if label == "Programme":
        return ProgrammeRow(id_, name or id_, type_, names)
    return OrganisationRow(id_, name or id_, type_, names)


@dataclass(frozen=True)
class MeasureRow:
    """A reported measure; ``category_name`` is the field of action's German name."""

    id: str
    title: str | None
    type: str | None
    category: int | None
    year: int | None
    org_id: str | None
    evidence: Evidence | None
    category_name: str | None = None

    @classmethod
    def from_map(cls, m: dict[str, Any]) -> MeasureRow:
        from .schema import CATEGORIES  # a leaf module; kept out of the import graph here

        ev = None
        if m.get("doc") is not None:
            ev = Evidence(m["doc"], m.get("line"), m.get("page"), m.get("quote"))
        category = m.get("category")
        return cls(
            m["id"],
            m.get("title"),
            m.get("type"),
            category,
            m.get("year"),
            m.get("org_id"),
            ev,
            CATEGORIES.get(category) if category is not None else None,
        )


@dataclass(frozen=True)
class DocumentRow:
    """A loaded document with title, publisher and report year as the loader read them from
    the text (or the corrections file set them); for graphs loaded before years were
    stored, the year is estimated from the document's dated measures; None when unknown.

    >>> DocumentRow("a.txt", "Bericht", "/x/a.txt", None, 2021).citation
    '„Bericht“ (2021)'
    """

    id: str
    title: str | None
    path: str | None
    loaded_at: str | None
    year: int | None = None
    publisher: str | None = None

    @property
    def citation(self) -> str:
        """Title and year as a German reader expects: „Titel“ (2021)."""
        return f"„{self.title or self.id}“" + (f" ({self.year})" if self.year is not None else "")

    @classmethod
    def from_map(cls, m: dict[str, Any]) -> DocumentRow:
        return cls(
            m["id"], m["title"], m["path"], m["loaded_at"], m.get("year"), m.get("publisher")
        )


@dataclass(frozen=True)
class LinkRow:
    """A typed link seen from ``node_id``: ``outgoing`` tells the stored direction."""

    node_id: str
    type: str
    outgoing: bool
    other: EntityRow
    evidence: tuple[Evidence, ...]

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
    """One ranked hit of the name search: the entity, its label and Lucene's score."""

    entity: EntityRow
    label: str
    score: float

    @property
    def kind(self) -> str:
        return kind_of(self.label)

    @property
    def id(self) -> str:
        return self.entity.id

    @property
    def name(self) -> str:
        return self.entity.name

    @property
    def key(self) -> str:
        return node_key(self.kind, self.entity.id)

    @property
    def type(self) -> str | None:
        """Organisation type or programme kind."""
        return type_of(self.entity)


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
    evidence: tuple[Evidence, ...] = ()  # all of it, or the first few entries
    evidence_count: int = 0  # how many entries the link has in all
    years: tuple[int, ...] = ()  # years of all its evidence (stated, else the report's)


@dataclass(frozen=True)
class Network:
    """Nodes and directed typed links among them (a page's network, an ego network or a
    cooperation path, in path order); ``truncated`` when a size cap cut the walk short."""

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
class EntityProfile:
    """What an organisation's or a programme's page lists besides its network."""

    entity: EntityRow
    measures: tuple[MeasureRow, ...] = ()
    links: tuple[LinkRow, ...] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        return self.entity.name

    @property
    def type(self) -> str | None:
        return type_of(self.entity)

    @property
    def aliases(self) -> tuple[str, ...]:
        return self.entity.aliases


@dataclass(frozen=True)
class SynergySuggestion:
    """Two organisations without a cooperation link that would fit together, and why.

    ``reasons`` are short German sentences for users, e.g.
    "Beide nehmen an Integration durch Qualifizierung (IQ) teil".
    """

    source_id: str
    target_id: str
    target_name: str
    score: float
    reasons: tuple[str, ...] = field(default_factory=tuple)
