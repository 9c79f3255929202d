"""Network views: an ego network and a cooperation path as nodes and typed edges."""

from __future__ import annotations

import strawberry

from queries import records

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
    def from_row(cls, row: records.NetNode) -> NetworkNode:
        return cls(
            id=strawberry.ID(row.id),
            label="Organisation" if row.kind == "org" else "Programme",
            name=row.name,
            type=row.type,
        )


@strawberry.type(description="Eine gerichtete, typisierte Verbindung mit ihren Belegen")
class NetworkEdge:
    source: strawberry.ID
    target: strawberry.ID
    type: LinkType
    evidence: list[Evidence]


def _id(key: str) -> strawberry.ID:
    return strawberry.ID(key.partition(":")[2])


def _edges(view: records.Network) -> list[NetworkEdge]:
    return [
        NetworkEdge(
            source=_id(lk.source),
            target=_id(lk.target),
            type=LinkType(lk.type),
            evidence=[Evidence.from_row(e) for e in lk.evidence],
        )
        for lk in view.links
    ]


@strawberry.type(description="Ego-Netzwerk: Knoten bis zur gewählten Tiefe und ihre Verbindungen")
class Network:
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool = strawberry.field(description="true: bei der Knotenobergrenze abgeschnitten")

    @classmethod
    def from_view(cls, view: records.Network) -> Network:
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
    def from_view(cls, view: records.Network) -> CooperationPath:
        return cls(
            nodes=[NetworkNode.from_row(n) for n in view.nodes],
            hops=_edges(view),
            length=len(view.links),
        )
