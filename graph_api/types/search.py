"""SearchHit: one ranked result of the name search."""

from __future__ import annotations

import strawberry

from queries.records import OrganisationRow, ProgrammeRow, SearchRow

from .organisation import Organisation
from .programme import Programme

__all__ = ["SearchHit"]


@strawberry.type(description="Suchtreffer: Organisation oder Programm, mit Relevanz")
class SearchHit:
    id: strawberry.ID
    name: str
    label: str = strawberry.field(description="'Organisation' oder 'Programme'")
    score: float
    organisation: Organisation | None
    programme: Programme | None

    @classmethod
    def from_row(cls, row: SearchRow) -> SearchHit:
        org = Organisation.from_row(row.entity) if isinstance(row.entity, OrganisationRow) else None
        prog = Programme.from_row(row.entity) if isinstance(row.entity, ProgrammeRow) else None
        return cls(
            id=strawberry.ID(row.entity.id),
            name=row.entity.name,
            label=row.label,
            score=row.score,
            organisation=org,
            programme=prog,
        )
