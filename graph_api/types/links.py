"""Typed links seen from one node: the linked organisation or programme plus evidence.

Lighter types: a link's other end and its evidence are not copied into GraphQL objects. The
rows themselves are the sources (``OrganisationRow``, ``ProgrammeRow`` and ``records.Evidence``
have exactly the attributes that :class:`Organisation`, :class:`Programme` and
:class:`Evidence` read: ``id name type|kind aliases``, ``doc line page quote``; resolvers of
those types use only ``self.id`` / ``self.doc``). A page of 20 organisations maps ~400 links
with ~700 pieces of evidence, and building three objects per link was a fifth of the page
query's CPU in the API.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry
from strawberry.types import Info
from strawberry.types.nodes import SelectedField, Selection

from queries.read_links import EVIDENCE_ATTRIBUTES
from queries.records import LinkRow, OrganisationRow, ProgrammeRow
from queries.schema import RelType

from ..context import ApiContext
from .evidence import Evidence

if TYPE_CHECKING:
    from .organisation import Organisation
    from .programme import Programme

__all__ = [
    "LinkType",
    "OrganisationLink",
    "ProgrammeLink",
    "evidence_of",
    "evidence_selected",
    "fields_of",
]


@strawberry.enum(description="Typ einer Verbindung (siehe docs/graph-model.md)")
class LinkType(Enum):
    COOPERATES_WITH = RelType.COOPERATES_WITH.value
    PARTICIPATES_IN = RelType.PARTICIPATES_IN.value
    SIGNED = RelType.SIGNED.value
    FUNDED_BY = RelType.FUNDED_BY.value
    PART_OF = RelType.PART_OF.value
    ORGANISED_BY = RelType.ORGANISED_BY.value


# rows name their type as a string; a dict lookup is ~40x cheaper than LinkType(value),
# and a page of 20 organisations maps ~400 links
_BY_VALUE = {t.value: t for t in LinkType}


@strawberry.type(description="Eine Verbindung zu einer Organisation, mit ihren Belegen")
class OrganisationLink:
    organisation: Annotated[Organisation, strawberry.lazy("graph_api.types.organisation")]
    type: LinkType
    outgoing: bool = strawberry.field(description="true: gespeichert von hier zur Gegenseite")
    evidence: list[Evidence]

    @classmethod
    def from_row(cls, row: LinkRow) -> OrganisationLink:
        assert isinstance(row.other, OrganisationRow)
        return cls(
            organisation=cast(Any, row.other),  # the row is the source (module docstring)
            type=_BY_VALUE.get(row.type) or LinkType(row.type),
            outgoing=row.outgoing,
            evidence=cast(Any, row.evidence),
        )


@strawberry.type(description="Eine Verbindung zu einem Programm/Netzwerk, mit ihren Belegen")
class ProgrammeLink:
    programme: Annotated[Programme, strawberry.lazy("graph_api.types.programme")]
    type: LinkType
    outgoing: bool
    evidence: list[Evidence]

    @classmethod
    def from_row(cls, row: LinkRow) -> ProgrammeLink:
        assert isinstance(row.other, ProgrammeRow)
        return cls(
            programme=cast(Any, row.other),  # the row is the source (module docstring)
            type=_BY_VALUE.get(row.type) or LinkType(row.type),
            outgoing=row.outgoing,
            evidence=cast(Any, row.evidence),
        )


def fields_of(selections: Iterable[Selection]) -> Iterator[SelectedField]:
    """The fields of a selection, with those inside fragments (clients use them a lot)."""
    for sel in selections:
        if isinstance(sel, SelectedField):
            yield sel
        else:
            yield from fields_of(sel.selections)


# what each field of `Evidence` reads besides the document id (which comes with any
# evidence); a field not listed here (a new one) reads everything
_READS: dict[str, tuple[str, ...]] = {
    "docId": (),
    "document": (),
    "__typename": (),
    "line": ("line",),
    "page": ("page",),
    "quote": ("quote",),
    "year": ("year",),
}


def evidence_selected(link_fields: Iterable[Selection]) -> tuple[str, ...] | None:
    """The evidence attributes that link fields (``partners``, ``participants``, ...) select,
    for :attr:`queries.read_links.LinkQuery.evidence`; None when they select no evidence.

    Pass every field of one response key (a field may be selected twice and merged). Fields
    under ``@skip``/``@include`` count as selected: reading too much is never wrong.
    """
    wanted: set[str] | None = None
    for link in fields_of(link_fields):
        for field in fields_of(link.selections):
            if field.name == "evidence":
                wanted = set() if wanted is None else wanted
                for attr in fields_of(field.selections):
                    wanted.update(_READS.get(attr.name, EVIDENCE_ATTRIBUTES))
    return None if wanted is None else tuple(a for a in EVIDENCE_ATTRIBUTES if a in wanted)


def evidence_of(info: Info[ApiContext, None]) -> tuple[str, ...] | None:
    """:func:`evidence_selected` for the link field being resolved, worked out once per
    request and field: a page resolves the same field for 20 organisations, and converting
    its selection each time cost the app as much CPU as leaving the quotes out saved.

    The key is the field's syntax nodes (graphql-core's ``field_nodes``, behind Strawberry's
    ``Info``): the same nodes select the same evidence, and they live as long as the request.
    """
    nodes = info._raw_info.field_nodes
    key = tuple(map(id, nodes))
    cache = info.context.evidence_columns
    if key not in cache:
        cache[key] = evidence_selected(info.selected_fields)
    return cache[key]
