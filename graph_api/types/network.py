"""Network views: an ego network and a cooperation path as nodes and typed edges."""

from __future__ import annotations

import strawberry

from queries.read_records import EntityRow, GraphView, OrganisationRow

from .evidence import Evidence
from .links import LinkType

__all__ = ["NetworkNode", "NetworkEdge", "Network", "CooperationPath"]


@strawberry.type(description="Ein Knoten: Organisation oder Programm")
class NetworkNode:
    id: strawberry.ID
    label: str = strawberry.field(description="'Organisation' oder 'Programme'")
    name: str
    type: str | None = strawberry.field(description="Organisationstyp bzw. Programmart")

    @classmethod
    def from_row(cls, row: EntityRow) -> NetworkNode:
        is_org = isinstance(row, OrganisationRow)
        kind = row.type if isinstance(row, OrganisationRow) else row.kind
        return cls(
            id=strawberry.ID(row.id),
            label="Organisation" if is_org else "Programme",
            name=row.name,
            type=kind,
        )


@strawberry.type(description="Eine gerichtete, typisierte Verbindung mit ihren Belegen")
class NetworkEdge:
    source: strawberry.ID
    target: strawberry.ID
    type: LinkType
    evidence: list[Evidence]


def _edges(view: GraphView) -> list[NetworkEdge]:
    return [
        NetworkEdge(
            source=strawberry.ID(s),
            target=strawberry.ID(t),
            type=LinkType(k),
            evidence=[Evidence.from_row(e) for e in ev],
        )
        for s, t, k, ev in view.links
    ]


@strawberry.type(description="Ego-Netzwerk: Knoten bis zur gewählten Tiefe und ihre Verbindungen")
class Network:
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool = strawberry.field(description="true: bei der Knotenobergrenze abgeschnitten")

    @classmethod
    def from_view(cls, view: GraphView) -> Network:
        return cls(
            nodes=[NetworkNode.from_row(n) for n in view.nodes],
            edges=_edges(view),
            truncated=view.truncated,
        )


@strawberry.type(description="Kürzester Weg zwischen zwei Organisationen, Schritt für Schritt")
class CooperationPath:
    nodes: list[NetworkNode] = strawberry.field(description="Knoten vom Start bis zum Ziel")
    hops: list[NetworkEdge] = strawberry.field(
        description="Je Schritt die Verbindung (in gespeicherter Richtung)"
    )
    length: int

    @classmethod
    def from_view(cls, view: GraphView) -> CooperationPath:
        return cls(
            nodes=[NetworkNode.from_row(n) for n in view.nodes],
            hops=_edges(view),
            length=len(view.links),
        )
