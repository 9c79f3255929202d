"""Words before a name with a legal form that the text names elsewhere without them.

A firm's or a club's name is found by walking back from its legal form over capitalised
words, and German capitalises every noun: "Vertreterinnen von Sisters e. V.", "Aktivitäten
des Planerladen e. V.", "Gesellschafterin Carl Zeiss Meditec AG", a chapter title on the
line above ("Chancengerechtigkeit und Teilhabe" over "Solarwerk Lausitz GmbH") all read as
one name. Whether the words are the name's the text itself tells: a document that names
"Sisters e. V." on its own elsewhere calls the organisation that, and the words before it
are the sentence's. Words that may open a name stay: a head word ("Förderverein X e. V.",
"Caritasverband für die Stadt Bonn e. V."), an adjective agreeing with the noun after it
("Gemeinnützige Gesellschaft für Arbeit mbH"), a short form in capitals ("IN VIA Bayern
e. V."). Names without a legal form are left alone: there the end is a place or a parent
named elsewhere ("Pflegestützpunkt Kreis Offenbach"), which :mod:`unit_names` reads.

>>> text = "Vertreterinnen von Sisters e. V. kamen. Sisters e. V. berät Frauen."
>>> found = [Mention("org", "Vertreterinnen von Sisters e. V.", text[:32], 0, 32, "Verein"),
...          Mention("org", "Sisters e. V.", text[39:52], 39, 52, "Verein")]
>>> [m.name for m in without_glued_words(text, found)]
['Sisters e. V.', 'Sisters e. V.']
>>> text = "Gemeinnützige Gesellschaft für Arbeit mbH, kurz Gesellschaft für Arbeit mbH"
>>> found = [Mention("org", text[:41], text[:41], 0, 41, "Unternehmen"),
...          Mention("org", text[48:], text[48:], 48, 75, "Unternehmen")]
>>> [m.name for m in without_glued_words(text, found)][0]
'Gemeinnützige Gesellschaft für Arbeit mbH'
"""

from __future__ import annotations

import re

from loaders.learn.places import is_place
from loaders.mentions.legal_forms import LEGAL_FORM
from loaders.mentions.model import Mention
from loaders.mentions.patterns import normalise_org_name, org_type_of
from loaders.mentions.unit_names import has_head_word
from loaders.names import clean_name, name_key

__all__ = ["without_glued_words", "without_town_after"]

_NAME_WORD = re.compile(r"(?<![\w.&-])[A-ZÄÖÜ0-9][^\s]*")  # where a shorter name may begin
_LEGAL_FORM_END = re.compile(rf"(?<![\w.-]){LEGAL_FORM}$")
_LEGAL_FORM_START = re.compile(rf"{LEGAL_FORM}(?![\w.])|Co\.")
# an adjective agreeing with the noun after it is the name's: "Gemeinnützige Gesellschaft …"
_ADJECTIVE = re.compile(r"(?:ig|isch|lich|ar|iv|al|ell|er)(?:e|er|es|en|em)?$")


def without_glued_words(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names with a legal form cut to the longest end of them that another mention of
    the text names on its own, where the words cut cannot open a name."""
    alone: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.kind == "org":
            alone.setdefault(name_key(m.name), []).append((m.start, m.end))
    out = []
    for m in mentions:
        cut = None
        if m.kind == "org" and m.ref_id is None and m.parent is None:
            cut = _named_alone(text, m, alone)
        out.append(m if cut is None else _spanning(text, m, cut, m.end))
    return out


def _named_alone(text: str, m: Mention, alone: dict[str, list[tuple[int, int]]]) -> int | None:
    """Where the longest end of ``m`` that a mention outside it names begins, or None."""
    if not _LEGAL_FORM_END.search(text, m.start, m.end):
        return None
    for word in _NAME_WORD.finditer(text, m.start + 1, m.end):
        before = text[m.start : word.start()]
        last = before.split()[-1] if before.split() else ""
        if (
            has_head_word(before.split())
            or not before[-1:].isspace()
            or _LEGAL_FORM_START.match(text, word.start())
            or last.isupper()
            or (last[:1].isupper() and _ADJECTIVE.search(last))
        ):
            continue
        spans = alone.get(name_key(text[word.start() : m.end]), [])
        if any(end <= m.start or start >= m.end for start, end in spans):
            return word.start()
    return None


def _spanning(text: str, m: Mention, start: int, end: int) -> Mention:
    """``m`` cut to ``text[start:end]``, named and typed by what is left."""
    surface = text[start:end]
    name = normalise_org_name(clean_name(surface))
    return m.with_(name=name, surface=surface, start=start, end=end, type=org_type_of(name))


_TOWN_AFTER = re.compile(rf"(?<![\w.-]){LEGAL_FORM}(\s+)(\S+(?:\s+\S+)?)$")


def without_town_after(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names cut at their legal form where only a town follows it: the heading's town
    ("Lenne Kunststofftechnik GmbH   Plettenberg") or the next line's ("… eG" over
    "Vegesack · im Netzwerk seit 2019") is where the organisation sits, not its name.

    >>> text = "Lenne Kunststofftechnik GmbH Plettenberg"
    >>> found = [Mention("org", text, text, 0, len(text), "Unternehmen")]
    >>> [m.name for m in without_town_after(text, found)]
    ['Lenne Kunststofftechnik GmbH']
    """
    out = []
    for m in mentions:
        after = _TOWN_AFTER.search(text, m.start, m.end) if m.kind == "org" else None
        if after is None or m.ref_id is not None or not is_place(after.group(2)):
            out.append(m)
            continue
        out.append(_spanning(text, m, m.start, after.start(1)))
    return out
