"""German phrases about programmes: article, case and adjective ending from the gender.

Why: "Beide nehmen an Deutscher Diversity-Tag teil" reads as a machine's sentence; a
coordinator writes "Beide nehmen am Deutschen Diversity-Tag teil". The gender of a
programme name is known when it starts with [adjectives] + a head noun from
:data:`HEAD_NOUNS` ("Deutscher Diversity-Tag", "Charta der Vielfalt", "Partnernetzwerk
Erfolgsfaktor …") or, failing that, from the programme's kind ("Projekt", "Kampagne"):
"am Projekt „VielfaltPlus“". When neither is known the sentence is turned round so
that no article is needed: "Beide nehmen teil an: BFD".

>>> both_phrase("PARTICIPATES_IN", "Deutscher Diversity-Tag")
'Beide nehmen am Deutschen Diversity-Tag teil'
>>> both_phrase("SIGNED", "Charta der Vielfalt")
'Beide haben die Charta der Vielfalt unterzeichnet'
>>> both_phrase("PARTICIPATES_IN", "VielfaltPlus", "Projekt")
'Beide nehmen am Projekt „VielfaltPlus“ teil'
>>> both_phrase("PARTICIPATES_IN", "BFD", "Sonstige")
'Beide nehmen teil an: BFD'
"""

from __future__ import annotations

import re

__all__ = ["both_phrase", "with_article", "HEAD_NOUNS", "KIND_NOUNS"]

# head nouns of programme names by the end of the (compound) word, with their gender
HEAD_NOUNS: dict[str, str] = {
    "tag": "m", "plan": "m", "preis": "m", "fonds": "m", "wettbewerb": "m", "dialog": "m",
    "pakt": "m", "verbund": "m", "aktionstag": "m", "kongress": "m", "monat": "m",
    "woche": "f", "charta": "f", "initiative": "f", "kampagne": "f", "allianz": "f",
    "konferenz": "f", "tagung": "f", "messe": "f", "akademie": "f", "offensive": "f",
    "strategie": "f", "reihe": "f", "plattform": "f", "partnerschaft": "f",
    "netzwerk": "n", "programm": "n", "projekt": "n", "bündnis": "n", "forum": "n",
    "festival": "n", "fest": "n", "jahr": "n", "siegel": "n", "zentrum": "n",
}  # fmt: skip
# programme kinds (queries.schema / loaders' reference) as German nouns with gender
KIND_NOUNS: dict[str, tuple[str, str]] = {
    "Foerderprogramm": ("Förderprogramm", "n"),
    "Netzwerk": ("Netzwerk", "n"),
    "Initiative": ("Initiative", "f"),
    "Projekt": ("Projekt", "n"),
    "Kampagne": ("Kampagne", "f"),
    "Charta": ("Charta", "f"),
    "Veranstaltungsreihe": ("Veranstaltungsreihe", "f"),
    "Gesetz": ("Gesetz", "n"),
}
_ARTICLE = {  # case -> gender -> (article, adjective ending)
    "dat": {"m": ("dem", "en"), "f": ("der", "en"), "n": ("dem", "en")},
    "acc": {"m": ("den", "en"), "f": ("die", "e"), "n": ("das", "e")},
}
_STRONG = {"m": "er", "f": "e", "n": "es"}  # nominative adjective ending without article
_WORD = re.compile(r"^[A-ZÄÖÜ][\wäöüß]*(-[A-ZÄÖÜ]?[\wäöüß]+)*$")


def _gender(word: str) -> str | None:
    lower = word.lower()
    found = [s for s in HEAD_NOUNS if lower.endswith(s)]
    return HEAD_NOUNS[max(found, key=len)] if found else None


def with_article(name: str, case: str, kind: str | None = None) -> str | None:
    """``name`` with article in ``case`` ("dat" or "acc"), or None if the gender is unknown.

    >>> with_article("Internationaler Tag der Toleranz", "dat")
    'dem Internationalen Tag der Toleranz'
    >>> with_article("Interkulturelle Woche", "acc")
    'die Interkulturelle Woche'
    >>> with_article("Du machst den Unterschied", "dat", "Kampagne")
    'der Kampagne „Du machst den Unterschied“'
    """
    words = name.split()
    adjectives: list[str] = []
    for i, word in enumerate(words):
        if not _WORD.match(word):
            break
        gender = _gender(word)
        if gender is not None and all(a.endswith(_STRONG[gender]) for a in adjectives):
            article, ending = _ARTICLE[case][gender]
            inflected = [a[: -len(_STRONG[gender])] + ending for a in adjectives]
            return " ".join([article, *inflected, *words[i:]])
        if not word.endswith(("er", "e", "es")) or i >= 2:
            break
        adjectives.append(word)
    if kind in KIND_NOUNS:
        noun, gender = KIND_NOUNS[kind]
        return f"{_ARTICLE[case][gender][0]} {noun} „{name}“"
    return None


def _an(phrase: str) -> str:
    return "am" + phrase[3:] if phrase.startswith("dem ") else "an " + phrase


def both_phrase(relation: str, name: str, kind: str | None = None) -> str:
    """ "Beide …" for two organisations linked to the same programme in the same way
    (``SIGNED``, ``PARTICIPATES_IN``, anything else: both involved)."""
    if relation == "SIGNED":
        acc = with_article(name, "acc", kind)
        return f"Beide haben {acc} unterzeichnet" if acc else f"Beide haben unterzeichnet: {name}"
    dat = with_article(name, "dat", kind)
    if relation == "PARTICIPATES_IN":
        return f"Beide nehmen {_an(dat)} teil" if dat else f"Beide nehmen teil an: {name}"
    return f"Beide sind {_an(dat)} beteiligt" if dat else f"Beide sind beteiligt an: {name}"
