"""Organisation: a partner of the network, with its links, measures and documents.

Every nested field goes through a DataLoader; each link field asks the one ``links`` loader
with its own key (types, direction, other end, cap), so the database does the splitting and
capping and a request level still costs one round trip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from queries.read_links import LinkQuery
from queries.read_records import LinkRow, OrganisationRow
from queries.schema import RelType

from ..context import ApiContext
from .connection import check_first
from .document import Document
from .evidence import Evidence
from .links import OrganisationLink, ProgrammeLink

if TYPE_CHECKING:
    from .measure import Measure

__all__ = ["Organisation"]

_ORG, _PROG = "Organisation", "Programme"
_PART_OF = (str(RelType.PART_OF),)
_FIRST_DOC = (
    "höchstens `first` (Standard 20, nach Kennung der Gegenseite sortiert), damit "
    "Knoten mit tausenden Verbindungen eine Antwort nicht sprengen"
)


async def _links(info: Info[ApiContext, None], key: LinkQuery) -> list[LinkRow]:
    return await info.context.loaders.links.load(key)


def _capped(info: Info[ApiContext, None], first: int) -> int:
    check_first(first, info.context.settings.graphql_max_page_size)
    return first


@strawberry.type(description="Eine Organisation (Kommune, Verein, Behörde, ...)")
class Organisation:
    id: strawberry.ID
    name: str
    type: str | None
    aliases: list[str]

    @classmethod
    def from_row(cls, row: OrganisationRow) -> Organisation:
        return cls(
            id=strawberry.ID(row.id), name=row.name, type=row.type, aliases=list(row.aliases)
        )

    @strawberry.field(description="Übergeordnete Organisation (PART_OF)")
    async def parent(self, info: Info[ApiContext, None]) -> Organisation | None:
        rows = await _links(info, LinkQuery(self.id, _PART_OF, _ORG, outgoing=True, limit=1))
        return Organisation.from_row(rows[0].other) if rows else None  # type: ignore[arg-type]

    @strawberry.field(description="Untergeordnete Einheiten (PART_OF eingehend)")
    async def units(self, info: Info[ApiContext, None]) -> list[OrganisationLink]:
        rows = await _links(info, LinkQuery(self.id, _PART_OF, _ORG, outgoing=False))
        return [OrganisationLink.from_row(r) for r in rows]

    @strawberry.field(
        description="Kooperationspartner (COOPERATES_WITH) mit Belegen; " + _FIRST_DOC
    )
    async def partners(
        self, info: Info[ApiContext, None], first: int = 20
    ) -> list[OrganisationLink]:
        key = LinkQuery(self.id, (str(RelType.COOPERATES_WITH),), _ORG, limit=_capped(info, first))
        return [OrganisationLink.from_row(r) for r in await _links(info, key)]

    @strawberry.field(
        description="Verbindungen zu anderen Organisationen (jeder Typ); " + _FIRST_DOC
    )
    async def organisation_links(
        self, info: Info[ApiContext, None], first: int = 20
    ) -> list[OrganisationLink]:
        key = LinkQuery(self.id, other_label=_ORG, limit=_capped(info, first))
        return [OrganisationLink.from_row(r) for r in await _links(info, key)]

    @strawberry.field(
        description="Programme und Netzwerke: Teilnahme, Unterzeichnung, Förderung, Organisation"
    )
    async def programmes(self, info: Info[ApiContext, None]) -> list[ProgrammeLink]:
        rows = await _links(info, LinkQuery(self.id, other_label=_PROG))
        return [ProgrammeLink.from_row(r) for r in rows]

    @strawberry.field(description="Gemeldete Maßnahmen, wahlweise eines Handlungsfelds (1-6)")
    async def measures(
        self, info: Info[ApiContext, None], field_of_action: int | None = None
    ) -> list[Annotated[Measure, strawberry.lazy("graph_api.types.measure")]]:
        from .measure import Measure

        rows = await info.context.loaders.measures.load((self.id, field_of_action))
        return [Measure.from_row(m) for m in rows]

    @strawberry.field(description="Dokumente, die über die Organisation berichten oder sie nennen")
    async def documents(self, info: Info[ApiContext, None]) -> list[Document]:
        rows = await info.context.loaders.documents_of.load(self.id)
        return [Document.from_row(d) for d in rows]

    @strawberry.field(description="Wo die Organisation genannt wird (MENTIONS)")
    async def evidence(self, info: Info[ApiContext, None]) -> list[Evidence]:
        rows = await info.context.loaders.mentions.load(self.id)
        return [Evidence.from_row(e) for e in rows]
