"""Measure: what a partner reported doing, in which field of action and year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from queries.records import MeasureRow

from ..context import ApiContext
from .category import Category, category_of
from .evidence import Evidence

if TYPE_CHECKING:
    from .organisation import Organisation

__all__ = ["Measure"]


@strawberry.type(description="Eine gemeldete Maßnahme")
class Measure:
    id: strawberry.ID
    title: str | None
    type: str | None = strawberry.field(description="Maßnahmentyp (measure_types.yaml)")
    year: int | None
    field_of_action: Category | None
    evidence: Evidence | None
    org_id: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: MeasureRow) -> Measure:
        ev = Evidence.from_row(row.evidence) if row.evidence else None
        return cls(
            id=strawberry.ID(row.id),
            title=row.title,
            type=row.type,
            year=row.year,
            field_of_action=category_of(row.category),
            evidence=ev,
            org_id=row.org_id,
        )

    @strawberry.field(description="Die meldende Organisation")
    async def organisation(
        self, info: Info[ApiContext, None]
    ) -> Annotated[Organisation, strawberry.lazy("graph_api.types.organisation")] | None:
        from .organisation import Organisation

        if self.org_id is None:
            return None
        row = await info.context.loaders.organisation.load(self.org_id)
        return Organisation.from_row(row) if row else None
