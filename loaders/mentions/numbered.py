"""Names that a section's or a page's number ran into.

A brochure numbers its reports ("II.2  Centrum für bürgerschaftliches Engagement e. V.",
"1.2 Kuchenmeister GmbH"), and its table of contents ends each line with a page number,
which the text stream joins to the name on the next line ("… 5 Caritasverband
Siegen-Wittgenstein e. V."). Neither number is part of an organisation's name; a
programme's may be ("100 Jahre Wohnen in Dortmund"), and an ordinal ("1. FC Köln") is.
"""

from __future__ import annotations

import re

from loaders.mentions.model import Mention

__all__ = ["without_leading_numbers"]

# section numbers ("II.2", "1.2.") or bare numbers of up to three digits, then a name
_NUMBER_BEFORE = re.compile(r"^(?:(?:(?:[IVX]{1,4}|\d{1,2})\.\d{1,2}\.?|\d{1,3})\s+)+(?=[A-ZÄÖÜ])")


def without_leading_numbers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Organisation and unit names without a section or page number before them.

    >>> text = "II.2  Centrum für Engagement e. V. und der 1. FC Beispielstadt"
    >>> found = [Mention("org", text[:34], text[:34], 0, 34, "Verein"),
    ...          Mention("org", "1. FC Beispielstadt", "1. FC Beispielstadt", 43, 62, "Verein")]
    >>> [text[m.start:m.end] for m in without_leading_numbers(text, found)]
    ['Centrum für Engagement e. V.', '1. FC Beispielstadt']
    """
    out = []
    for m in mentions:
        number = _NUMBER_BEFORE.match(m.name) if m.kind in ("org", "unit") else None
        if number is None:
            out.append(m)
            continue
        name = m.name[number.end() :]
        at = text[m.start : m.end]
        cut = _NUMBER_BEFORE.match(at)
        start = m.start + cut.end() if cut is not None else m.start
        out.append(m.with_(name=name, surface=text[start : m.end], start=start))
    return out
