"""Typed links seen from one node: the linked organisation or programme plus evidence."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

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


@strawberry.type(description="Eine Verbindung zu einer Organisation, mit ihren Belegen")
class OrganisationLink:
    organisation: Annotated[Organisation, strawberry.lazy("graph_api.types.organisation")]
    type: LinkType
    outgoing: bool = strawberry.field(description="true: gespeichert von hier zur Gegenseite")
    evidence: list[Evidence]

    @classmethod
    def from_row(cls, row: LinkRow) -> OrganisationLink:
        from .organisation import Organisation

        assert isinstance(row.other, OrganisationRow)
        return cls(
            organisation=Organisation.from_row(row.other),
            type=LinkType(row.type),
            outgoing=row.outgoing,
            evidence=[Evidence.from_row(e) for e in row.evidence],
        )


@strawberry.type(description="Eine Verbindung zu einem Programm/Netzwerk, mit ihren Belegen")
class ProgrammeLink:
    programme: Annotated[Programme, strawberry.lazy("graph_api.types.programme")]
    type: LinkType
    outgoing: bool
    evidence: list[Evidence]

    @classmethod
    def from_row(cls, row: LinkRow) -> ProgrammeLink:
        from .programme import Programme

        assert isinstance(row.other, ProgrammeRow)
        return cls(
            programme=Programme.from_row(row.other),
            type=LinkType(row.type),
            outgoing=row.outgoing,
            evidence=[Evidence.from_row(e) for e in row.evidence],
        )
