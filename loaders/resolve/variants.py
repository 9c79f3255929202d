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

from loaders.learn.places import places
from loaders.mentions.model import Mention
from loaders.mentions.patterns import normalise_org_name
from loaders.names import clean_name, name_key
from loaders.resolve.keys import without_legal_form

if TYPE_CHECKING:
    from loaders.resolve.entities import Entity

__all__ = ["own_words", "join_units_named_alone", "join_named_without_town", "take_into"]

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
    return take_into(entities, resolved, joined)


def take_into(
    entities: dict[str, Entity], resolved: list[tuple[Mention, str, int]], joined: dict[str, str]
) -> list[tuple[Mention, str, int]]:
    """Each entity of ``joined`` taken into the one it maps to (its names, aliases, lines
    and list membership); its mentions follow."""
    for key, into_key in joined.items():
        alone, into = entities.pop(key), entities[into_key]
        into.names.update(alone.names)
        into.aliases |= alone.aliases | set(alone.names)
        into.lines |= alone.lines
        into.listed = into.listed or alone.listed
    return [(m, joined.get(key, key), line) for m, key, line in resolved]


def without_town(name: str) -> str | None:
    """The name without the place it ends with, legal form aside ("Multikulturelles Forum
    Lünen e. V." -> "Multikulturelles Forum"); None when it ends with no place.

    >>> without_town("Multikulturelles Forum Lünen e. V.")
    'Multikulturelles Forum'
    >>> without_town("Multikulturelles Forum e. V.") is None
    True
    """
    words = without_legal_form(name).split()
    known = places()
    for size in (3, 2, 1):
        tail = tuple(words[-size:])
        if len(words) > size + 1 and tail in known.get(tail[0], ()):
            return " ".join(words[:-size])
    return None


def join_named_without_town(
    entities: dict[str, Entity],
    resolved: list[tuple[Mention, str, int]],
    generic: Collection[str],
    keep: Collection[str | None] = (),
) -> list[tuple[Mention, str, int]]:
    """An organisation named once with its town and once without ("das Multikulturelle
    Forum e. V." … "Multikulturelles Forum Lünen e. V.") is one, named with the town, when
    exactly one organisation of the document bears that name with a town. A generic head
    ("Jobcenter", keys in ``generic``) names another one in each town and is never joined;
    the organisations in ``keep`` (the partners, the reporter) stay themselves."""
    towns: dict[str, set[str]] = {}  # name key without the town -> organisations with it
    for key, entity in entities.items():
        if key.startswith("org:") and not entity.ref_id:
            for name in entity.names:
                short = without_town(name)
                if short is not None:
                    towns.setdefault(name_key(short), set()).add(key)
    joined: dict[str, str] = {}
    for key, entity in entities.items():
        if not key.startswith("org:") or entity.ref_id or key in keep:
            continue
        short_keys = {name_key(without_legal_form(n)) for n in entity.names}
        candidates = {k for s in short_keys - set(generic) for k in towns.get(s, ())} - {key}
        if len(candidates) == 1:
            joined[key] = next(iter(candidates))
    for key in set(joined.values()) & set(joined):  # no chains
        del joined[key]
    return take_into(entities, resolved, joined)
