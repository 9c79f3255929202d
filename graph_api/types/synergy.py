"""Synergy: an organisation that would fit as a partner, with the reasons why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from queries.records import SynergySuggestion

from ..context import ApiContext

if TYPE_CHECKING:
    from .organisation import Organisation

__all__ = ["Synergy"]


@strawberry.type(description="Vorschlag: zwei Organisationen ohne Kooperation, die passen würden")
class Synergy:
    source_id: strawberry.ID
    target_id: strawberry.ID
    target_name: str
    score: float
    reasons: list[str]

    @classmethod
    def from_row(cls, row: SynergySuggestion) -> Synergy:
        return cls(
            source_id=strawberry.ID(row.source_id),
            target_id=strawberry.ID(row.target_id),
            target_name=row.target_name,
            score=row.score,
            reasons=list(row.reasons),
        )

    @strawberry.field(description="Die vorgeschlagene Organisation")
    async def target(
        self, info: Info[ApiContext, None]
    ) -> Annotated[Organisation, strawberry.lazy("graph_api.types.organisation")] | None:
        from .organisation import Organisation

        row = await info.context.loaders.organisation.load(self.target_id)
        return Organisation.from_row(row) if row else None
