"""Names of one organisation that its grouping key alone does not bring together.

A unit named with its parent in the genitive ("das Integrationsbüro der Stadt
Dessau-Roßlau") is the unit the text names alone elsewhere ("das Integrationsbüro"): it is
keyed by its own words. And a unit named without its parent where it was taken for an
organisation ("INTEGRATIONS- UND GLEICHSTELLUNGSBÜRO" under a heading of the town) is the
one unit of that name the text names with its parent.

>>> own_words("Integrationsbüro der Stadt Dessau-Roßlau", "Stadt Dessau-Roßlau")
'Integrationsbüro'
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from loaders.mentions.model import Mention
from loaders.mentions.patterns import normalise_org_name
from loaders.names import clean_name, name_key

if TYPE_CHECKING:
    from loaders.resolve.entities import Entity

__all__ = ["own_words", "join_units_named_alone"]

_GENITIVE_JOIN = re.compile(r"\s+(?:der|des)\s+")


def own_words(surface: str, parent: str | None) -> str:
    """A unit's name without its parent named after it in the genitive ("Amt für Schule
    des Kreises Düren" of the "Kreis Düren" -> "Amt für Schule"); else the name as found."""
    name = clean_name(surface)
    if parent:
        parent_key = name_key(parent)
        for join in reversed(list(_GENITIVE_JOIN.finditer(name))):
            if name_key(normalise_org_name(name[join.end() :])) == parent_key:
                return name[: join.start()]
    return name


def join_units_named_alone(
    entities: dict[str, Entity],
    resolved: list[tuple[Mention, str, int]],
    keep: Collection[str | None] = (),
) -> list[tuple[Mention, str, int]]:
    """An organisation without reference entry whose name is the own name of exactly one
    unit of the document is that unit ("Dezernat 20" of two parents stays apart); the
    organisations in ``keep`` (the partners, the reporter) stay themselves."""
    units: dict[str, set[str]] = {}  # a unit's own name key -> the units of that name
    for key, entity in entities.items():
        if key.startswith("unit:") and entity.kind == "org" and entity.parent_key in entities:
            own = key.rsplit(":", 1)[1]
            for k in {own, *map(name_key, entity.names)}:
                units.setdefault(k, set()).add(key)
    joined: dict[str, str] = {}
    for key, entity in entities.items():
        if not key.startswith("org:") or entity.ref_id or key in keep:
            continue
        into = units.get(key.removeprefix("org:"), set())
        if len(into) == 1:
            joined[key] = next(iter(into))
    for key, unit_key in joined.items():
        alone, unit = entities.pop(key), entities[unit_key]
        unit.names.update(alone.names)
        unit.aliases |= alone.aliases | set(alone.names)
        unit.lines |= alone.lines
        unit.listed = unit.listed or alone.listed
    return [(m, joined.get(key, key), line) for m, key, line in resolved]
