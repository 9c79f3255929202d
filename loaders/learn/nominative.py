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

After a definite article in the nominative the adjective has its weak form ("das
Multikulturelle Forum", "der Internationale Bund"); a name stands on its own in the strong
form, as the organisation writes it:

>>> nominative("Multikulturelle Forum e. V.", "das")
'Multikulturelles Forum e. V.'
>>> nominative("Internationale Bund", "der")
'Internationaler Bund'
>>> nominative("mobilen Übersetzungsdienst", "den")
'mobiler Übersetzungsdienst'
>>> nominative("Westfälische Industrie- und Handelskammertag", "der")
'Westfälischer Industrie- und Handelskammertag'
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
    "kasse",
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
_ADJ_STEM = r"^[A-ZÄÖÜa-zäöü][a-zäöüß-]*(?:isch|lich|ig|al|il|ell|iv|an|er|ht|rt|nd|ch|en|ar|ös)"
_ADJ = re.compile(_ADJ_STEM + "en$")
_WEAK_ADJ = re.compile(_ADJ_STEM + "e$")
# "im Kommunalen Integrationszentrum", "zur Medizinischen Flüchtlingshilfe": the article
# inside the preposition
_CONTRACTED = {"im": "dem", "vom": "dem", "zum": "dem", "beim": "dem", "am": "dem", "zur": "der"}
# a weak adjective after the nominative article of the head's gender: "das" + neuter,
# "der" + masculine (a feminine head keeps "-e": "die Deutsche Rentenversicherung")
_WEAK_ENDING = {("das", "n"): "es", ("der", "m"): "er"}
# the article right before a name, a contracted one too ("im Kommunalen Integrationszentrum")
_ARTICLE_BEFORE = re.compile(
    r"(?:^|[\s(„\"])(das|der|dem|den|des|eines|einem|einer|im|vom|zum|zur|beim|am)\s+$",
    re.IGNORECASE,
)
_ARTICLE_REACH = 12  # characters before a name where its article stands
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
    article = _CONTRACTED.get(article or "", article)
    if article in {"das", "der"}:
        weak = _strong_form(name, article)
        if weak is not None:
            return weak
    if article not in {"des", "dem", "der", "den", "eines", "einem", "einer"}:
        return name
    words = name.split(" ")
    adjectives = 0
    while adjectives < len(words) - 1 and _ADJ.match(words[adjectives]):
        adjectives += 1
    head_index = _head_at(words, adjectives)
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


def _head_at(words: list[str], first: int) -> int:
    """The index of the head noun that starts at ``words[first]``: past truncated compounds
    ("Industrie- und Handelskammertag": the head is "Handelskammertag")."""
    at = first
    while at + 2 < len(words) and words[at].endswith("-") and words[at + 1] in {"und", "oder"}:
        at += 2
    return at


def _strong_form(name: str, article: str) -> str | None:
    """The strong form of a name whose adjectives have their weak ending after a nominative
    article ("das Multikulturelle Forum" -> "Multikulturelles Forum"), None when the name
    has no such adjective or its head is not of the article's gender."""
    words = name.split(" ")
    adjectives = 0
    while adjectives < len(words) - 1 and _WEAK_ADJ.match(words[adjectives]):
        adjectives += 1
    if not adjectives:
        return None
    ending = _WEAK_ENDING.get((article, gender_of(words[_head_at(words, adjectives)]) or ""))
    if ending is None:
        return None
    return " ".join(w[:-1] + ending if i < adjectives else w for i, w in enumerate(words))


def article_before(text: str, start: int) -> str | None:
    """The article that stands right before the name at ``start`` in ``text``, lower case."""
    found = _ARTICLE_BEFORE.search(text, max(0, start - _ARTICLE_REACH), start)
    return found.group(1).casefold() if found else None
