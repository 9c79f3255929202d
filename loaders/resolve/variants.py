"""Names of one organisation that its grouping key alone does not bring together.

A unit named with its parent in the genitive ("das Integrationsbüro der Stadt
Dessau-Roßlau") is the unit the text names alone elsewhere ("das Integrationsbüro"): it is
keyed by its own words.

>>> own_words("Integrationsbüro der Stadt Dessau-Roßlau", "Stadt Dessau-Roßlau")
'Integrationsbüro'
"""

from __future__ import annotations

import re

from loaders.mentions.patterns import normalise_org_name
from loaders.names import clean_name, name_key

__all__ = ["own_words"]

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
