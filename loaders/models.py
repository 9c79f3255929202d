"""Typed records that flow between the loader stages.

The extraction result (:class:`DocumentExtraction`) is the contract between the
text-processing stages and the graph writer; its JSON form is the extraction
output contract of ``shared/eval/README.md``.

    source file -> SourceText -> (clean, sections, mentions, resolve) -> DocumentExtraction
    DocumentExtraction -> GraphBatch (loaders.load.batch) -> Neo4j (loaders.load.writer)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from queries import schema

__all__ = [
    "SourceText",
    "CleanText",
    "Block",
    "Organisation",
    "Programme",
    "Link",
    "Measure",
    "DocumentExtraction",
    "LINK_TYPES",
    "ORG_TYPES",
    "PROGRAMME_KINDS",
]

LINK_TYPES: tuple[str, ...] = tuple(str(t) for t in schema.LINK_TYPES)
ORG_TYPES = (
    "Kommune",
    "Kreis",
    "Landesbehoerde",
    "Bezirksregierung",
    "Polizei",
    "Jobcenter",
    "Ministerium",
    "Wohlfahrtsverband",
    "Verband",
    "Verein",
    "Unternehmen",
    "Kammer",
    "Hochschule",
    "Schule",
    "Medien",
    "Stiftung",
    "Gewerkschaft",
    "Bundesbehoerde",
    "Sonstige",
)
PROGRAMME_KINDS = (
    "Foerderprogramm",
    "Netzwerk",
    "Initiative",
    "Projekt",
    "Kampagne",
    "Charta",
    "Veranstaltungsreihe",
    "Gesetz",
    "Sonstige",
)


@dataclass(frozen=True)
class SourceText:
    """A document's text as read, one entry per original line (1-based via index + 1)."""

    path: str
    name: str
    lines: tuple[str, ...]
    pages: tuple[int | None, ...]  # page of each line (PDF), else None
    sha256: str


@dataclass(frozen=True)
class CleanText:
    """Cleaned text that keeps the 1:1 map to the original lines.

    ``lines[i]`` is original line ``i + 1`` after clean-up: a word hyphenated across a
    line break is joined onto the line where it starts (and removed from the next one),
    soft hyphens and split words are repaired; a table's row is written as a record, whose
    lines a row of fewer lines holds on its last one, apart by a line break
    (:mod:`loaders.clean.tables`). ``noise[i]`` marks running page headers, footers and
    page numbers, which later stages ignore.
    """

    source: SourceText
    lines: tuple[str, ...]
    noise: tuple[bool, ...]


@dataclass(frozen=True)
class Block:
    """A partner's report section for one field of action (brochures only).

    ``partner`` is the name its heading gives; ``partner_id`` the organisation it was
    resolved to (set once the document is resolved, :func:`loaders.extract.extract_document`).
    """

    partner: str
    category: int | None
    start: int
    end: int
    partner_id: str | None = None


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    parent_id: str | None = None  # id of the parent organisation (in the same extraction)
    mentions: tuple[int, ...] = ()


@dataclass(frozen=True)
class Programme:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[int, ...] = ()


@dataclass(frozen=True)
class Link:
    """A typed link between two entities, with the evidence it came from.

    From resolution on, records name entities by id (``Organisation.id``, ``Programme.id``
    of the same extraction), never by name: two entities may share a name or an alias,
    and a rename (a coordinator's correction, cross-document resolution) changes names
    only."""

    source_id: str
    target_id: str
    type: str
    line: int
    evidence: str
    page: int | None = None
    year: int | None = None  # stated in the sentence, else the report's (loaders.measures.dating)


@dataclass(frozen=True)
class Measure:
    org_id: str  # the reporting organisation's id
    category: int | None
    title: str
    line: int
    type: str | None = None  # measure type id from the taxonomy
    year: int | None = None
    evidence: str = ""
    page: int | None = None


@dataclass(frozen=True)
class DocumentExtraction:
    doc: str  # the input file's name
    path: str
    sha256: str
    title: str = ""
    blocks: tuple[Block, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    programmes: tuple[Programme, ...] = ()
    links: tuple[Link, ...] = ()
    measures: tuple[Measure, ...] = ()
    line_pages: dict[int, int] = field(default_factory=dict)  # line -> page, PDFs only
    text_lines: tuple[str, ...] = ()  # the original lines, for evidence quotes
    publisher: str | None = None
    year: int | None = None  # the report's year (loaders.source.document_meta)
