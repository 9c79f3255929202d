"""The town an organisation's name points at, for the "same place" synergy signal.

The graph has no addresses, but many public bodies carry their town in their name
("Stadt Duisburg", "Jobcenter Duisburg", "Kreis Unna", "Polizeipräsidium Köln"). A name
that only *mentions* a town in passing is not matched: the town must follow one of the
known prefixes, so "Verein für Duisburger Kultur" gives no place.

>>> region_of("Stadt Duisburg"), region_of("Jobcenter Duisburg")
('Duisburg', 'Duisburg')
>>> region_of("Kommunales Integrationszentrum des Kreises Unna")
'Unna'
>>> region_of("Mülheim an der Ruhr, Stadt") is None, region_of("Caritas") is None
(True, True)
"""

from __future__ import annotations

import re

__all__ = ["region_of"]

_PREFIXES = (
    "Stadt",
    "Stadtverwaltung",
    "Kreis",
    "Kreisverwaltung",
    "Landkreis",
    "Städteregion",
    "Rhein-Kreis",
    "Jobcenter",
    "Polizeipräsidium",
    "Kreispolizeibehörde",
    "Bezirksregierung",
    "Kommunales Integrationszentrum",
    "Kommunales Integrationszentrum im Kreis",
    "Integrationsrat",
    "Ausländerbehörde",
    "Volkshochschule",
    "VHS",
    "Agentur für Arbeit",
    "Stadtwerke",
    "Sparkasse",
    "Feuerwehr",
    "Berufsfeuerwehr",
    "Caritasverband für",
    "Caritasverband",
    "Diakonie",
    "Diakonisches Werk",
    "AWO",
    "Stadtsportbund",
    "Kreissportbund",
    "Bürgermeister der Stadt",
    "Oberbürgermeister der Stadt",
)
_LINK = r"(?:\s+(?:der|des|für|im|in)\s+(?:Stadt|Kreises|Kreis|den Kreis|die Stadt))?"
_WORD = r"[A-ZÄÖÜ][\wäöüß]+"
_PLACE = rf"(?P<place>{_WORD}(?:-{_WORD})*(?:\s(?:an der|am|im|in der)\s{_WORD})?)"
_PATTERN = re.compile(
    r"^(?:"
    + "|".join(re.escape(p) for p in sorted(_PREFIXES, key=len, reverse=True))
    + r")"
    + _LINK
    + r"\s+"
    + _PLACE
    + r"\s*$"
)
_NOT_PLACES = {"Integration", "Kultur", "Bildung", "Arbeit", "Jugend", "Vielfalt"}


def region_of(name: str) -> str | None:
    """The town in an organisation's name, or None when the name gives none."""
    m = _PATTERN.match(" ".join(name.split()))
    if not m or m.group("place") in _NOT_PLACES:
        return None
    return m.group("place")
