"""Organisation: a partner of the network, with its links, measures and documents.

Every nested field goes through a DataLoader; the typed links of an organisation come from
one loader (``links``) and are split here by type and direction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from queries.read_records import LinkRow, OrganisationRow, ProgrammeRow
from queries.schema import RelType

from ..context import ApiContext
from .document import Document
from .evidence import Evidence
from .links import OrganisationLink, ProgrammeLink

if TYPE_CHECKING:
    from .measure import Measure

__all__ = ["Organisation"]

_ORG, _PROG = "Organisation", "Programme"


async def _links(info: Info[ApiContext, None], node_id: str) -> list[LinkRow]:
    return await info.context.loaders.links.load(node_id)


def _other_is(row: LinkRow, label: str) -> bool:
    kind = OrganisationRow if label == _ORG else ProgrammeRow
    return isinstance(row.other, kind)


@strawberry.type(description="Eine Organisation (Kommune, Verein, Behörde, ...)")
class Organisation:
    id: strawberry.ID
    name: str
    type: str | None
    aliases: list[str]

    @classmethod
    def from_row(cls, row: OrganisationRow) -> Organisation:
        return cls(id=strawberry.ID(row.id), name=row.name, type=row.type,
                   aliases=list(row.aliases))

    @strawberry.field(description="Übergeordnete Organisation (PART_OF)")
    async def parent(self, info: Info[ApiContext, None]) -> Organisation | None:
        for row in await _links(info, self.id):
            if row.type == RelType.PART_OF and row.outgoing and _other_is(row, _ORG):
                return Organisation.from_row(row.other)  # type: ignore[arg-type]
        return None

    @strawberry.field(description="Untergeordnete Einheiten (PART_OF eingehend)")
    async def units(self, info: Info[ApiContext, None]) -> list[OrganisationLink]:
        rows = await _links(info, self.id)
        return [OrganisationLink.from_row(r) for r in rows
                if r.type == RelType.PART_OF and not r.outgoing and _other_is(r, _ORG)]

    @strawberry.field(description="Kooperationspartner (COOPERATES_WITH) mit Belegen")
    async def partners(self, info: Info[ApiContext, None]) -> list[OrganisationLink]:
        rows = await _links(info, self.id)
        return [OrganisationLink.from_row(r) for r in rows
                if r.type == RelType.COOPERATES_WITH and _other_is(r, _ORG)]

    @strawberry.field(description="Alle Verbindungen zu anderen Organisationen (jeder Typ)")
    async def organisation_links(self, info: Info[ApiContext, None]) -> list[OrganisationLink]:
        return [OrganisationLink.from_row(r) for r in await _links(info, self.id)
                if _other_is(r, _ORG)]

    @strawberry.field(description="Programme und Netzwerke: Teilnahme, Unterzeichnung, "
                                  "Förderung, Organisation")
    async def programmes(self, info: Info[ApiContext, None]) -> list[ProgrammeLink]:
        return [ProgrammeLink.from_row(r) for r in await _links(info, self.id)
                if _other_is(r, _PROG)]

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
