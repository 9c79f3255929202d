"""Names defined with their abbreviation: "Das Bundesamt für Migration und Flüchtlinge (BAMF)".

Press releases introduce an organisation or programme once in full with its short form in
brackets. The short form spells the name: each capitalised word gives its initial, a
compound may give more letters ("Bundes|amt" → B, A), small joiners ("für", "und") may
be skipped. Where the letters of the brackets are spelt by the words right before them
and the head noun says what kind of name it is (an organisation's head, a programme's
genre word), those words are a name; the mention model decides with this proposal as one
of its features.

>>> [(m.kind, m.name) for m in find_acronym_names(
...     "Die Deutsche Akademische Gesellschaft (DAG) fördert das Projekt.")]
[('org', 'Deutsche Akademische Gesellschaft')]
>>> [m.name for m in find_acronym_names("Das Bundesamt für Migration und Flüchtlinge (BAMF)")]
['Bundesamt für Migration und Flüchtlinge']
>>> find_acronym_names("Viele Menschen (EU) kamen.")  # the letters must all be spelt
[]
"""

from __future__ import annotations

import re

from loaders.mentions.legal_forms import LEGAL_FORM
from loaders.mentions.patterns import Mention, normalise_org_name, org_type_of
from loaders.names import SPELLING_JOINERS as _JOINERS
from loaders.names import SPELLING_WORD as _WORD
from loaders.names import clean_name, is_abbreviation, spelt_by
from loaders.reference import load_organisation_words

__all__ = ["ACRONYM_ORIGIN", "find_acronym_names", "spelt_in_lower_case"]

ACRONYM_ORIGIN = "acronym"
_BRACKETS = re.compile(r"\(\s*([A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,8})\s*\)")
_MAX_WORDS = 8
# a head an organisation's name ends with (reference/organisation_words.yaml)
_ORG_HEAD = re.compile("(?:" + "|".join(map(re.escape, load_organisation_words())) + ")$", re.I)
# the head noun of a programme (a compound's last part): "Sozialfonds", "Landesprogramm"
_PROGRAMME_HEAD = {
    "programm": "Foerderprogramm",
    "fonds": "Foerderprogramm",
    "netzwerk": "Netzwerk",
    "initiative": "Initiative",
    "kampagne": "Kampagne",
    "charta": "Charta",
    "gesetz": "Gesetz",
    "projekt": "Projekt",
    "offensive": "Initiative",
    "pakt": "Initiative",
}


def find_acronym_names(text: str) -> list[Mention]:
    """Every name spelt by the abbreviation in brackets right after it."""
    out = []
    for bracket in _BRACKETS.finditer(text):
        short = bracket.group(1)
        if not is_abbreviation(short):
            continue
        words = _words_before(text, bracket.start())
        letters = "".join(c for c in short if c.isupper()).casefold()
        start = _name_start([w for w, _, _ in words], letters)
        if start is None:
            continue
        name_words = [w for w, _, _ in words[start:]]
        a, z = words[start][1], words[-1][2]
        surface = text[a:z]
        kind = _programme_kind(name_words[-1])
        if kind is not None:
            out.append(
                Mention(
                    "programme", clean_name(surface), surface, a, z, kind, origin=ACRONYM_ORIGIN
                )
            )
            continue
        name = normalise_org_name(surface)
        org_type = org_type_of(name)
        if org_type == "Sonstige" and not _ORG_HEAD.search(_head(name_words)):
            continue  # no head says what it is ("Jugendmigrationsdienste (JMD)")
        out.append(Mention("org", name, surface, a, z, org_type, origin=ACRONYM_ORIGIN))
    return out


_LOWER_SHORT = re.compile(r"[a-zäöü]{3,5}")  # two letters: "ca", "zB" are words
_LEGAL_TAIL = re.compile(rf"\s*{LEGAL_FORM}\s*$")


def spelt_in_lower_case(short: str, name: str) -> bool:
    """Whether ``short`` is a lower-case short form spelt by ``name``'s words, as some
    organisations write theirs ("Vereinigung der Bayerischen Wirtschaft e. V. (vbw)",
    "Berufliches Fortbildungszentrum (bfz)").

    >>> spelt_in_lower_case("vbw", "Vereinigung der Bayerischen Wirtschaft e. V.")
    True
    >>> spelt_in_lower_case("und", "Stadt Unna Dortmund")
    False
    """
    if not _LOWER_SHORT.fullmatch(short):
        return False
    words = tuple(_WORD.findall(_LEGAL_TAIL.sub("", name)))
    return bool(words) and words[0][:1].isupper() and spelt_by(words, short)


def _words_before(text: str, end: int) -> list[tuple[str, int, int]]:
    """Up to eight words before ``end`` on its line, back to a punctuation mark."""
    line_start = text.rfind("\n", 0, end) + 1
    stop = max(line_start, *(text.rfind(p, 0, end) + 1 for p in '.:;,!?„“"()–'))
    found = [(m.group(), stop + m.start(), stop + m.end()) for m in _WORD.finditer(text[stop:end])]
    return found[-_MAX_WORDS:]


def _name_start(words: list[str], letters: str) -> int | None:
    """The first of ``words`` from which the rest spell ``letters`` (earliest start wins:
    the fullest name); the name begins with a capitalised word."""
    for start in range(len(words)):
        if words[start][:1].isupper() and words[start].casefold() not in _JOINERS:
            if spelt_by(tuple(words[start:]), letters):
                return start
    return None


def _head(words: list[str]) -> str:
    """The head noun of a German name: the last word before its first joiner
    ("Bundesamt für Migration" -> "Bundesamt")."""
    for i, word in enumerate(words[1:], 1):
        if word.casefold() in _JOINERS:
            return words[i - 1]
    return words[-1]


def _programme_kind(head: str) -> str | None:
    """The programme kind a genre word ending ``head`` names, if any."""
    folded = head.casefold()
    return next((k for ending, k in _PROGRAMME_HEAD.items() if folded.endswith(ending)), None)
