"""The nominative of a name met in another case.

Running text names organisations in every case: "des Multikulturellen Forums", "der
Deutschen Rentenversicherung", "dem Internationalen Bund". The article before the name
tells the case, the head noun's ending its gender; the adjective endings and the head's
genitive -s are then set back to the nominative. Only names that start with an adjective
or whose head took a genitive ending change; everything else is returned as found.

>>> nominative("Multikulturellen Forums Lünen e. V.", "des")
'Multikulturelles Forum Lünen e. V.'
>>> nominative("Deutschen Rentenversicherung", "der")
'Deutsche Rentenversicherung'
>>> nominative("Internationalen Bund", "dem")
'Internationaler Bund'
>>> nominative("Jobcenters Dortmund", "des")
'Jobcenter Dortmund'
>>> nominative("Stadt Köln", "der")
'Stadt Köln'
"""

from __future__ import annotations

import re

__all__ = ["nominative", "gender_of"]

_MASC = (
    "verband",
    "bund",
    "kreis",
    "rat",
    "verein",
    "dienst",
    "rundfunk",
    "center",
    "beirat",
    "sender",
    "landtag",
    "tag",
    "städtetag",
    "kammertag",
    "arbeitskreis",
    "fachbereich",
    "träger",
    "betrieb",
    "sportbund",
    "senat",
)
_NEUT = (
    "forum",
    "werk",
    "zentrum",
    "amt",
    "büro",
    "institut",
    "haus",
    "präsidium",
    "ministerium",
    "netzwerk",
    "kolleg",
    "gymnasium",
    "theater",
    "museum",
    "projekt",
    "programm",
    "klinikum",
    "krankenhaus",
    "team",
    "referat",
    "dezernat",
    "bündnis",
    "jobcenter",
    "bildungswerk",
    "studio",
    "orchester",
    "unternehmen",
)
_FEM = (
    "ung",
    "schaft",
    "stelle",
    "agentur",
    "kammer",
    "stiftung",
    "gesellschaft",
    "schule",
    "universität",
    "behörde",
    "stadt",
    "regierung",
    "akademie",
    "hilfe",
    "initiative",
    "polizei",
    "bank",
    "gemeinde",
    "union",
    "partei",
    "gruppe",
    "abteilung",
    "region",
    "kirche",
    "caritas",
    "diakonie",
    "werkstatt",
    "bibliothek",
    "klinik",
    "zeitung",
    "landeshauptstadt",
    "arbeiterwohlfahrt",
    "kampagne",
    "charta",
    "aktion",
)
_ADJ = re.compile(r"^[A-ZÄÖÜ][a-zäöüß-]*(?:isch|lich|ig|al|ell|iv|an|er|ht|rt|nd|ch|en|ar|ös)en$")
_GENITIVE = re.compile(r"^(?P<stem>[A-ZÄÖÜ][\wäöüß-]*?)(?:es|s)$")


def gender_of(noun: str) -> str | None:
    """'m', 'n' or 'f' from the noun's ending, None when unknown."""
    low = noun.casefold()
    for ending, gender in ((e, "n") for e in _NEUT):
        if low.endswith(ending):
            return gender
    for ending in _FEM:
        if low.endswith(ending):
            return "f"
    for ending in _MASC:
        if low.endswith(ending):
            return "m"
    return None


def nominative(name: str, article: str | None) -> str:
    """``name`` in the nominative, given the ``article`` that stood before it."""
    if article not in {"des", "dem", "der", "den", "eines", "einem", "einer"}:
        return name
    words = name.split(" ")
    adjectives = 0
    while adjectives < len(words) - 1 and _ADJ.match(words[adjectives]):
        adjectives += 1
    head_index = adjectives
    head = words[head_index]
    genitive = article in {"des", "eines"}
    if genitive:
        m = _GENITIVE.match(head)
        if m and gender_of(m.group("stem")) in {"m", "n"}:
            head = m.group("stem")
    gender = gender_of(head)
    if gender is None and adjectives:
        return name
    ending = {"m": "er", "n": "es", "f": "e"}.get(gender or "", "")
    if article in {"der", "einer"} and gender != "f":
        return name  # "der" before a masculine/neuter head: nominative already, or plural
    fixed = [w[:-2] + ending if i < adjectives else w for i, w in enumerate(words)]
    fixed[head_index] = head
    return " ".join(fixed)
