"""Filter inputs of the list queries; every field is optional and null means "any"."""

from __future__ import annotations

import strawberry

from queries.read import MeasureFilter, OrganisationFilter, ProgrammeFilter

__all__ = ["OrganisationFilterInput", "ProgrammeFilterInput", "MeasureFilterInput"]


@strawberry.input(description="Filter für Organisationen")
class OrganisationFilterInput:
    name_contains: str | None = None
    type: str | None = None
    programme: str | None = strawberry.field(
        default=None, description="Kennung eines Programms (Teilnahme)"
    )
    field_of_action: int | None = strawberry.field(
        default=None, description="Handlungsfeld 1-6 (Maßnahmen)"
    )

    def to_query(self) -> OrganisationFilter:
        return OrganisationFilter(
            self.name_contains, self.type, self.programme, self.field_of_action
        )


@strawberry.input(description="Filter für Programme")
class ProgrammeFilterInput:
    name_contains: str | None = None
    type: str | None = strawberry.field(default=None, description="Programmart (kind)")
    participant: str | None = strawberry.field(
        default=None, description="Kennung einer Organisation"
    )

    def to_query(self) -> ProgrammeFilter:
        return ProgrammeFilter(self.name_contains, self.type, self.participant)


@strawberry.input(description="Filter für Maßnahmen")
class MeasureFilterInput:
    name_contains: str | None = None
    measure_type: str | None = None
    field_of_action: int | None = None
    year: int | None = None
    organisation: str | None = None
    programme: str | None = None

    def to_query(self) -> MeasureFilter:
        return MeasureFilter(
            self.name_contains,
            self.measure_type,
            self.field_of_action,
            self.year,
            self.organisation,
            self.programme,
        )
