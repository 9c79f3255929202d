"""Organisation type guessed from the head words of a name.

A name found by a pattern or a legal-form suffix has no reference entry to give its type;
its head words usually do ("Caritasverband ..." is a Wohlfahrtsverband, "... GmbH" an
Unternehmen). The first rule that matches wins, so specific rules come first.

>>> org_type_of("Caritasverband für den Kreis Unna e. V.")
'Wohlfahrtsverband'
>>> org_type_of("Krumey & Gilles GmbH")
'Unternehmen'
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["org_type_of"]

_TYPE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), t)
    for p, t in [
        (
            r"caritas|diakon|\bawo\b|arbeiterwohlfahrt|\bdrk\b|paritätisch|samariter|wohlfahrt",
            "Wohlfahrtsverband",
        ),
        (r"^polizei|^pp\b|^kreispolizei", "Polizei"),
        (r"^jobcenter\b", "Jobcenter"),
        (r"^bezirksregierung\b", "Bezirksregierung"),
        (r"ministerium\b", "Ministerium"),
        (r"^(?:stadt|gemeinde|stadtverwaltung|landeshauptstadt|landschaftsverband)\b", "Kommune"),
        (r"^(?:[\w-]*kreis|kreisverwaltung|städteregion)\b", "Kreis"),
        (r"agentur für arbeit|arbeitsagentur|\bbundes(?:amt|agentur)", "Bundesbehoerde"),
        (r"\blandes(?:amt|betrieb)", "Landesbehoerde"),
        (r"kammer\b|\bihk\b|kammertag", "Kammer"),
        (r"universität|\buni\b|hochschule|institut|forschung", "Hochschule"),
        (r"schule\b|kolleg\b|gymnasium", "Schule"),
        (r"stiftung", "Stiftung"),
        (r"gewerkschaft|\bdgb\b|ver\.di", "Gewerkschaft"),
        (r"rundfunk|zeitung|verlag|\bradio\b|fernseh", "Medien"),
        (r"verband\b|verband |bund\b", "Verband"),
        (r"\be\.\s?v\b|\bverein\b", "Verein"),
        (r"gmbh|\bag\b|\bkg\b|\bgbr\b|\bmbh\b|gesellschaft\b", "Unternehmen"),
    ]
]


@lru_cache(maxsize=16384)
def org_type_of(name: str) -> str:
    """Organisation type guessed from the head words of a name.

    Remembered (a pure function of the name): the same names are typed again and again,
    each by up to all the rules.
    """
    for pattern, org_type in _TYPE_RULES:
        if pattern.search(name):
            return org_type
    return "Sonstige"
