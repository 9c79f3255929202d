"""Programme: a funding programme, network, charter or initiative and who takes part."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from queries.read_records import LinkRow, OrganisationRow, ProgrammeRow
from queries.schema import RelType

from ..context import ApiContext
from .evidence import Evidence
from .links import OrganisationLink

if TYPE_CHECKING:
    from .organisation import Organisation

__all__ = ["Programme"]

_PARTICIPATION = {RelType.PARTICIPATES_IN, RelType.SIGNED}


def _org_links(rows: list[LinkRow], types: set[RelType], outgoing: bool) -> list[OrganisationLink]:
    return [OrganisationLink.from_row(r) for r in rows
            if r.type in types and r.outgoing is outgoing and isinstance(r.other, OrganisationRow)]


@strawberry.type(description="Ein Programm, Netzwerk, eine Charta oder Initiative")
class Programme:
    id: strawberry.ID
    name: str
    kind: str | None
    aliases: list[str]

    @classmethod
    def from_row(cls, row: ProgrammeRow) -> Programme:
        return cls(id=strawberry.ID(row.id), name=row.name, kind=row.kind,
                   aliases=list(row.aliases))

    @strawberry.field(description="Teilnehmende und Unterzeichnende (PARTICIPATES_IN, SIGNED)")
    async def participants(self, info: Info[ApiContext, None]) -> list[OrganisationLink]:
        rows = await info.context.loaders.links.load(self.id)
        return _org_links(rows, _PARTICIPATION, outgoing=False)

    @strawberry.field(description="Wer das Programm durchführt (ORGANISED_BY), mit Belegen")
    async def organisers(self, info: Info[ApiContext, None]) -> list[OrganisationLink]:
        rows = await info.context.loaders.links.load(self.id)
        return _org_links(rows, {RelType.ORGANISED_BY}, outgoing=True)

    @strawberry.field(description="Die erste durchführende Organisation (oder null)")
    async def organiser(
        self, info: Info[ApiContext, None]
    ) -> Annotated[Organisation, strawberry.lazy("graph_api.types.organisation")] | None:
        links = await self.organisers(info)
        return links[0].organisation if links else None

    @strawberry.field(description="Förderer (FUNDED_BY), mit Belegen")
    async def funders(self, info: Info[ApiContext, None]) -> list[OrganisationLink]:
        rows = await info.context.loaders.links.load(self.id)
        return _org_links(rows, {RelType.FUNDED_BY}, outgoing=True)

    @strawberry.field(description="Wo das Programm genannt wird (MENTIONS)")
    async def evidence(self, info: Info[ApiContext, None]) -> list[Evidence]:
        rows = await info.context.loaders.mentions.load(self.id)
        return [Evidence.from_row(e) for e in rows]
