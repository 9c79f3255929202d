"""The mention record and the word shapes every naming pattern is built from.

Kept apart from the patterns so that organisation, unit and programme patterns can live in
modules of their own (one topic each) and still share one record and one idea of what a
capitalised German name word or a place name looks like.

>>> import re
>>> re.fullmatch(PLACE, "Mülheim an der Ruhr") is not None
True
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from loaders.errors import InputError
from loaders.reference import REFERENCE_DIR, read_yaml

__all__ = ["Mention", "WORD", "NOT_NOUN", "PLACE", "PLACE_OPENER", "NOT_PLACE", "load_place_words"]

PLACE_WORDS_FILE = REFERENCE_DIR / "place_words.yaml"


@dataclass(frozen=True)
class Mention:
    """One occurrence of an organisation or programme name in a document's text stream."""

    kind: str  # "org" | "programme" | "unit" (a department; its parent is decided later)
    name: str  # nominative name (the reference name when ``ref_id`` is set)
    surface: str
    start: int
    end: int
    type: str  # organisation type or programme kind ("" for units until resolved)
    ref_id: str | None = None
    origin: str = "pattern"  # "reference" | "pattern" | "suffix" | "list"
    parent: str | None = None  # name of the parent organisation when the text says it
    abbreviation: str | None = None

    def with_(self, **changes: object) -> Mention:
        return replace(self, **changes)  # type: ignore[arg-type]


# a capitalised name word, hyphenated parts allowed
WORD = r"[A-ZÄÖÜ][\wÄÖÜäöüß]*(?:-[\wÄÖÜäöüß]+)*"
NOT_NOUN = (
    r"(?![\wäöüß-]*(?:ung|ungen|heit|keit|schaft|ion|ionen|ität|nahme|nahmen|ismus|ende|enden)\b)"
)


def load_place_words(path: Path = PLACE_WORDS_FILE) -> tuple[str, ...]:
    """Rivers and landscapes a place name may end with after "an der"/"am" (reference data)."""
    try:
        words = tuple(read_yaml(path)["words"])
    except (KeyError, TypeError) as exc:
        raise InputError(str(path), f"invalid place words file: {exc}") from exc
    if not words or not all(isinstance(w, str) and w[:1].isupper() for w in words):
        raise InputError(str(path), "words must be a non-empty list of capitalised words")
    return words


# "Mülheim an der Ruhr", but not "Köln an der Vielfalt...": only a known river or landscape
_PLACE_TAIL = "|".join(sorted(load_place_words(), key=len, reverse=True))
PLACE_OPENER = r"(?:Bad|Sankt|St\.)"  # a place's first word: "Bad Kissingen", "Sankt Augustin"
PLACE = (  # "Bad Kissingen", "Schwäbisch Gmünd", "Freiburg im Breisgau" are one place
    rf"{NOT_NOUN}(?:{PLACE_OPENER}\s+(?=[A-ZÄÖÜ])|[A-ZÄÖÜ][a-zäöü]+sch\s+(?=[A-ZÄÖÜ]))?{WORD}"
    rf"(?:\s+(?:an\s+der|am|im|in\s+der|ob\s+der|vor\s+der)\s+(?:{_PLACE_TAIL})(?![\wÄÖÜäöüß])"
    rf"|\s*\((?:{_PLACE_TAIL})\))?"  # "Halle (Saale)", "Frankfurt (Oder)", "Kempten (Allgäu)"
)
NOT_PLACE = (
    r"(?!(?:Die|Der|Das|Des|Dem|Den|Und|Oder|Mit|Im|In|Bei|Für|Von|Zu|Zur|Zum|Auch|Als|Sowie|"
    r"Verwaltung|Gesellschaft|Bevölkerung|Ebene|Teil|Jahr|Und|Seit|Ende|Beginn|Mitte)\b)"
)
