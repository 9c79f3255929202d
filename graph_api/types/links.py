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

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry

from queries.records import LinkRow, OrganisationRow, ProgrammeRow
from queries.schema import RelType

from .evidence import Evidence

if TYPE_CHECKING:
    from .organisation import Organisation
    from .programme import Programme

__all__ = ["LinkType", "OrganisationLink", "ProgrammeLink"]


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
