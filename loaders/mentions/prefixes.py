"""What an organisation's name may open with that is not part of the name.

A brochure numbers its reports ("II.2  Centrum für bürgerschaftliches Engagement e. V.",
"1.2 Kuchenmeister GmbH"), and its table of contents ends each line with a page number,
which the text stream joins to the name on the next line ("… 5 Caritasverband
Siegen-Wittgenstein e. V."). Neither number is part of an organisation's name; a
programme's may be ("100 Jahre Wohnen in Dortmund"), and an ordinal ("1. FC Köln") is.

A club's genre word before a name with its legal form ("der Verein Türöffner e. V.") is
the text's, not the name's: the references name "Türöffner e. V." (ten of the eleven dev
references' clubs so named), while "Verein für Vielfalt e. V." is a name.
"""

from __future__ import annotations

import re

from loaders.mentions.legal_forms import LEGAL_FORM
from loaders.mentions.model import Mention
from loaders.mentions.patterns import normalise_org_name

__all__ = ["without_capital_lines", "without_prefixes"]

# section numbers ("II.2", "1.2.") or bare numbers of up to three digits, then a name
# a club's genre word before a capitalised name that ends with a legal form
_CLUB_BEFORE = re.compile(rf"^Vereins?\s+(?=[A-ZÄÖÜ].*{LEGAL_FORM}$)")
_NUMBER_BEFORE = re.compile(r"^(?:(?:(?:[IVX]{1,4}|\d{1,2})\.\d{1,2}\.?|\d{1,3})\s+)+(?=[A-ZÄÖÜ])")


_PREFIXES = (_NUMBER_BEFORE, _CLUB_BEFORE)


def without_prefixes(text: str, mentions: list[Mention]) -> list[Mention]:
    """Organisation and unit names without a section or page number before them, and
    without a club's genre word before a name with a legal form.

    >>> text = "II.2  Centrum für Engagement e. V. und der 1. FC Beispielstadt"
    >>> found = [Mention("org", text[:34], text[:34], 0, 34, "Verein"),
    ...          Mention("org", "1. FC Beispielstadt", "1. FC Beispielstadt", 43, 62, "Verein")]
    >>> [text[m.start:m.end] for m in without_prefixes(text, found)]
    ['Centrum für Engagement e. V.', '1. FC Beispielstadt']
    >>> club = "Verein Türöffner e. V."
    >>> [m.name for m in without_prefixes(club, [Mention("org", club, club, 0, 22, "Verein")])]
    ['Türöffner e. V.']
    """
    out = []
    for m in mentions:
        opening = None
        if m.kind in ("org", "unit"):
            opening = next((o for p in _PREFIXES if (o := p.match(m.name))), None)
        if opening is None:
            out.append(m)
            continue
        cut = opening.re.match(text[m.start : m.end])
        start = m.start + cut.end() if cut is not None else m.start
        out.append(m.with_(name=m.name[opening.end() :], surface=text[start : m.end], start=start))
    return out


_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß]")
_WORDS = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_CAPITAL_WORD = 4
_LONG_CAPITAL_WORD = 9
_NAME_START = re.compile(r"\s*[A-ZÄÖÜ„\"(]")


def _in_capitals(part: str) -> bool:
    """Whether a line's part is words set in capitals: two words of four letters or more,
    or one long word ("DIENSTSITZ DARMSTADT", "STUDIERENDENWERK"). Short forms ("IHK",
    "NRW", "AOK") are parts of names, and so is a brand ("NORDWEST")."""
    if part.upper() != part:
        return False
    words = [w for w in _WORDS.findall(part) if len(w) >= _CAPITAL_WORD]
    return len(words) >= 2 or any(len(w) >= _LONG_CAPITAL_WORD for w in words)


def without_capital_lines(text: str, mentions: list[Mention]) -> list[Mention]:
    """Organisation names without a line in capitals run into them across a line break:
    a heading, a label or a running header above or below a name in running case
    ("STUDIERENDENWERK" over "Studentenwerk Gießen", "… der Bundesagentur für Arbeit"
    over "DIENSTSITZ DARMSTADT"). A name set in capitals throughout stays as it is.

    >>> text = "NETZWERKE UND PARTNERSCHAFTEN\\nHenkel AG & Co. KGaA"
    >>> [m.name for m in without_capital_lines(text, [Mention("org", text, text, 0, 50, "")])]
    ['Henkel AG & Co. KGaA']
    """
    out = []
    for m in mentions:
        surface = text[m.start : m.end]
        if m.kind not in ("org", "unit") or m.ref_id or "\n" not in surface:
            out.append(m)
            continue
        parts = surface.split("\n")
        capitals = [_in_capitals(p) for p in parts]
        running = [i for i, c in enumerate(capitals) if not c and _LETTERS.search(parts[i])]
        if not running or len(running) == len(parts) or not any(capitals):
            out.append(m)
            continue
        first, last = running[0], running[-1]
        if any(capitals[first : last + 1]) or not _NAME_START.match(parts[first]):
            out.append(m)  # capitals inside the name, or its running part opens no name
            continue
        start = m.start + sum(len(p) + 1 for p in parts[:first])
        end = start + len("\n".join(parts[first : last + 1]))
        start += len(parts[first]) - len(parts[first].lstrip())
        cut = text[start:end]
        out.append(m.with_(name=normalise_org_name(cut), surface=cut, start=start, end=end))
    return out
