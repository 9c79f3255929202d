"""Organisation: a partner of the network, with its links, measures and documents.

Every nested field goes through a DataLoader; each link field asks the one ``links`` loader
with its own key (types, direction, other end, cap), so the database does the splitting and
capping and a request level still costs one round trip. A root field that fetches one
organisation calls :func:`prefetch` first, so that level and the next share a round trip.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from queries.read_links import LinkQuery
from queries.records import LinkRow, MeasureRow, OrganisationRow
from queries.schema import RelType

from ..context import ApiContext
from ..dataloaders import Loaders
from .connection import check_first
from .document import Document
from .evidence import Evidence
from .links import OrganisationLink, ProgrammeLink, evidence_of, evidence_selected, fields_of

if TYPE_CHECKING:
    from .measure import Measure

__all__ = ["Organisation", "prefetch"]

_ORG, _PROG = "Organisation", "Programme"
_PART_OF = (str(RelType.PART_OF),)
_COOPERATES = (str(RelType.COOPERATES_WITH),)
_FIRST_DOC = (
    "höchstens `first` (Standard 20, nach Kennung der Gegenseite sortiert), damit "
    "Knoten mit tausenden Verbindungen eine Antwort nicht sprengen"
)


def _capped(info: Info[ApiContext, None], first: int) -> int:
    check_first(first, info.context.settings.graphql_max_page_size)
    return first


# What each link field of an organisation loads: the resolvers below and `prefetch` build
# their keys here, so a prefetched key is exactly the one the resolver asks for later.
# `ev`: the evidence attributes the field selects (links.evidence_selected).
_Ev = tuple[str, ...] | None


def _partners(loaders: Loaders, node_id: str, ev: _Ev, first: int = 20) -> Awaitable[list[LinkRow]]:
    return loaders.links.load(LinkQuery(node_id, _COOPERATES, _ORG, limit=first, evidence=ev))


def _organisation_links(
    loaders: Loaders, node_id: str, ev: _Ev, first: int = 20
) -> Awaitable[list[LinkRow]]:
    return loaders.links.load(LinkQuery(node_id, other_label=_ORG, limit=first, evidence=ev))


def _parent(loaders: Loaders, node_id: str) -> Awaitable[list[LinkRow]]:
    key = LinkQuery(node_id, _PART_OF, _ORG, outgoing=True, limit=1, evidence=None)
    return loaders.links.load(key)  # the parent is an organisation: no evidence shown


def _units(loaders: Loaders, node_id: str, ev: _Ev) -> Awaitable[list[LinkRow]]:
    return loaders.links.load(LinkQuery(node_id, _PART_OF, _ORG, outgoing=False, evidence=ev))


def _programmes(loaders: Loaders, node_id: str, ev: _Ev) -> Awaitable[list[LinkRow]]:
    return loaders.links.load(LinkQuery(node_id, other_label=_PROG, evidence=ev))


def _measures(
    loaders: Loaders, node_id: str, field_of_action: int | None = None
) -> Awaitable[list[MeasureRow]]:
    return loaders.measures.load((node_id, field_of_action))


def _int_arg(args: Mapping[str, Any], name: str, default: int | None) -> int | None:
    """An Int argument as the selection reports it (literals come as their text)."""
    value = args.get(name, default)
    return int(value) if isinstance(value, str) else value


_PREFETCH: dict[str, Callable[[Loaders, str, Mapping[str, Any], _Ev], Awaitable[Any]]] = {
    "partners": lambda lo, i, a, ev: _partners(lo, i, ev, _int_arg(a, "first", 20) or 0),
    "organisationLinks": lambda lo, i, a, ev: _organisation_links(
        lo, i, ev, _int_arg(a, "first", 20) or 0
    ),
    "parent": lambda lo, i, a, ev: _parent(lo, i),
    "units": lambda lo, i, a, ev: _units(lo, i, ev),
    "programmes": lambda lo, i, a, ev: _programmes(lo, i, ev),
    "measures": lambda lo, i, a, ev: _measures(lo, i, _int_arg(a, "fieldOfAction", None)),
    "documents": lambda lo, i, a, ev: lo.documents_of.load(i),
    "evidence": lambda lo, i, a, ev: lo.mentions.load(i),
}


def prefetch(info: Info[ApiContext, None], node_id: str) -> None:
    """Ask now for the nested fields the query selects on the organisation ``node_id``.

    Called by a root field before it loads the organisation itself: the loads of both
    levels then leave in the same turn of the event loop, i.e. in one round trip, and the
    nested resolvers find their rows in the loaders' caches. Fields whose arguments break a
    limit are left to their resolvers, which report the error.
    """
    if not info.context.loaders.batching:
        return  # naive loaders cache nothing: a prefetched row would be fetched again
    limit = info.context.settings.graphql_max_page_size
    fields = list(fields_of(s for f in info.selected_fields for s in f.selections))
    for field in fields:
        load = _PREFETCH.get(field.name)
        if load and 0 <= (_int_arg(field.arguments, "first", 0) or 0) <= limit:
            key = field.alias or field.name  # its resolver sees every field of this key
            ev = evidence_selected(f for f in fields if (f.alias or f.name) == key)
            load(info.context.loaders, node_id, field.arguments, ev)


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
        rows = await _parent(info.context.loaders, self.id)
        return Organisation.from_row(rows[0].other) if rows else None  # type: ignore[arg-type]

    @strawberry.field(description="Untergeordnete Einheiten (PART_OF eingehend)")
    async def units(self, info: Info[ApiContext, None]) -> list[OrganisationLink]:
        rows = await _units(info.context.loaders, self.id, evidence_of(info))
        return [OrganisationLink.from_row(r) for r in rows]

    @strawberry.field(
        description="Kooperationspartner (COOPERATES_WITH) mit Belegen; " + _FIRST_DOC
    )
    async def partners(
        self, info: Info[ApiContext, None], first: int = 20
    ) -> list[OrganisationLink]:
        ev = evidence_of(info)
        rows = await _partners(info.context.loaders, self.id, ev, _capped(info, first))
        return [OrganisationLink.from_row(r) for r in rows]

    @strawberry.field(
        description="Verbindungen zu anderen Organisationen (jeder Typ); " + _FIRST_DOC
    )
    async def organisation_links(
        self, info: Info[ApiContext, None], first: int = 20
    ) -> list[OrganisationLink]:
        ev = evidence_of(info)
        rows = await _organisation_links(info.context.loaders, self.id, ev, _capped(info, first))
        return [OrganisationLink.from_row(r) for r in rows]

    @strawberry.field(
        description="Programme und Netzwerke: Teilnahme, Unterzeichnung, Förderung, Organisation"
    )
    async def programmes(self, info: Info[ApiContext, None]) -> list[ProgrammeLink]:
        ev = evidence_of(info)
        rows = await _programmes(info.context.loaders, self.id, ev)
        return [ProgrammeLink.from_row(r) for r in rows]

    @strawberry.field(description="Gemeldete Maßnahmen, wahlweise eines Handlungsfelds (1-6)")
    async def measures(
        self, info: Info[ApiContext, None], field_of_action: int | None = None
    ) -> list[Annotated[Measure, strawberry.lazy("graph_api.types.measure")]]:
        from .measure import Measure

        rows = await _measures(info.context.loaders, self.id, field_of_action)
        key = ("measures", self.id, field_of_action)
        shaped = info.context.shaped.get(key)
        if shaped is None:  # built once per request, however many parents reach it
            shaped = info.context.shaped[key] = [Measure.from_row(m) for m in rows]
        return shaped

    @strawberry.field(description="Dokumente, die über die Organisation berichten oder sie nennen")
    async def documents(self, info: Info[ApiContext, None]) -> list[Document]:
        rows = await info.context.loaders.documents_of.load(self.id)
        return [Document.from_row(d) for d in rows]

    @strawberry.field(description="Wo die Organisation genannt wird (MENTIONS)")
    async def evidence(self, info: Info[ApiContext, None]) -> list[Evidence]:
        rows = await info.context.loaders.mentions.load(self.id)
        return [Evidence.from_row(e) for e in rows]
