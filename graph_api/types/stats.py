"""Stats: how much the graph holds, by label, relationship type and organisation type."""

from __future__ import annotations

import strawberry

__all__ = ["Count", "Stats"]


@strawberry.type(description="Eine Anzahl mit ihrem Schlüssel")
class Count:
    key: str
    count: int


def counts(mapping: dict[str, int]) -> list[Count]:
    return [Count(key=k, count=v) for k, v in sorted(mapping.items())]


@strawberry.type(description="Umfang des Graphen")
class Stats:
    nodes: list[Count] = strawberry.field(description="Knoten je Label")
    relationships: list[Count] = strawberry.field(description="Kanten je Typ")
    organisation_types: list[Count] = strawberry.field(description="Organisationen je Typ")
