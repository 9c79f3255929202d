"""Programme: a funding programme, network, charter or initiative and who takes part."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from queries.read_links import LinkQuery
from queries.records import ProgrammeRow
from queries.schema import RelType

from ..context import ApiContext
from .connection import check_first
from .evidence import Evidence
from .links import OrganisationLink, evidence_of

if TYPE_CHECKING:
    from .organisation import Organisation

__all__ = ["Programme"]

_PARTICIPATION = (str(RelType.PARTICIPATES_IN), str(RelType.SIGNED))
_ORGANISED_BY = (str(RelType.ORGANISED_BY),)


async def _org_links(
    info: Info[ApiContext, None],
    node_id: str,
    types: tuple[str, ...],
    *,
    outgoing: bool,
    limit: int | None = None,
    evidence: bool = True,
) -> list[OrganisationLink]:
    """Links to organisations only, of these types, direction and number, with the
    evidence the field selects (``evidence=False``: none, the field shows no link)."""
    ev = evidence_of(info) if evidence else None
    key = LinkQuery(node_id, types, "Organisation", outgoing, limit, ev)
    rows = await info.context.loaders.links.load(key)
    return [OrganisationLink.from_row(r) for r in rows]


@strawberry.type(description="Ein Programm, Netzwerk, eine Charta oder Initiative")
class Programme:
    id: strawberry.ID
    name: str
    kind: str | None
    aliases: list[str]

    @classmethod
    def from_row(cls, row: ProgrammeRow) -> Programme:
        return cls(
            id=strawberry.ID(row.id), name=row.name, kind=row.kind, aliases=list(row.aliases)
        )

    @strawberry.field(
        description="Teilnehmende und Unterzeichnende (PARTICIPATES_IN, SIGNED); "
        "höchstens `first` (Standard 20, nach Kennung sortiert), denn "
        "eine Charta kann tausende Unterzeichnende haben"
    )
    async def participants(
        self, info: Info[ApiContext, None], first: int = 20
    ) -> list[OrganisationLink]:
        check_first(first, info.context.settings.graphql_max_page_size)
        return await _org_links(info, self.id, _PARTICIPATION, outgoing=False, limit=first)

    @strawberry.field(description="Wer das Programm durchführt (ORGANISED_BY), mit Belegen")
    async def organisers(self, info: Info[ApiContext, None]) -> list[OrganisationLink]:
        return await _org_links(info, self.id, _ORGANISED_BY, outgoing=True)

    @strawberry.field(description="Die erste durchführende Organisation (oder null)")
    async def organiser(
        self, info: Info[ApiContext, None]
    ) -> Annotated[Organisation, strawberry.lazy("graph_api.types.organisation")] | None:
        # self may be a ProgrammeRow; the organiser is an organisation: no evidence shown
        links = await _org_links(info, self.id, _ORGANISED_BY, outgoing=True, evidence=False)
        return links[0].organisation if links else None

    @strawberry.field(description="Förderer (FUNDED_BY), mit Belegen")
    async def funders(self, info: Info[ApiContext, None]) -> list[OrganisationLink]:
        return await _org_links(info, self.id, (str(RelType.FUNDED_BY),), outgoing=True)

    @strawberry.field(description="Wo das Programm genannt wird (MENTIONS)")
    async def evidence(self, info: Info[ApiContext, None]) -> list[Evidence]:
        rows = await info.context.loaders.mentions.load(self.id)
        return [Evidence.from_row(e) for e in rows]
