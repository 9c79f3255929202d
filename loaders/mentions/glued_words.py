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
from bisect import bisect_right
from collections.abc import Iterable

from loaders.learn.places import is_place, is_town
from loaders.mentions.legal_forms import LEGAL_FORM
from loaders.mentions.model import Mention
from loaders.mentions.patterns import normalise_org_name, org_type_of
from loaders.mentions.shared_heads import TERRITORIES
from loaders.mentions.unit_names import has_head_word
from loaders.names import clean_name, name_key
from loaders.sections.chapters import part_title
from loaders.sections.headings import FUNCTION_WORDS

__all__ = [
    "without_blank_lines",
    "without_glued_words",
    "without_lower_tails",
    "without_town_after",
    "without_town_before",
    "without_next_line",
]

_NAME_WORD = re.compile(r"(?<![\w.&-])[A-ZÄÖÜ0-9][^\s]*")  # where a shorter name may begin
_LEGAL_FORM_END = re.compile(rf"(?<![\w.-]){LEGAL_FORM}$")
_LEGAL_FORM_START = re.compile(rf"{LEGAL_FORM}(?![\w.])|Co\.")
# an adjective agreeing with the noun after it is the name's: "Gemeinnützige Gesellschaft …"
_ADJECTIVE = re.compile(r"(?:ig|isch|lich|ar|iv|al|ell|er)(?:e|er|es|en|em)?$")


_Spans = dict[str, list[tuple[int, int]]]  # name key -> (start, end) of each mention so named


def _spans_by_name(mentions: Iterable[Mention]) -> _Spans:
    spans: _Spans = {}
    for m in mentions:
        spans.setdefault(name_key(m.name), []).append((m.start, m.end))
    return spans


def _named_outside(spans: _Spans, name: str, m: Mention) -> bool:
    """Whether the text names ``name`` on its own somewhere outside mention ``m``."""
    return any(e <= m.start or s >= m.end for s, e in spans.get(name_key(name), ()))


def without_glued_words(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names with a legal form cut to the longest end of them that another mention of
    the text names on its own, where the words cut cannot open a name."""
    alone = _spans_by_name(m for m in mentions if m.kind == "org")
    out = []
    for m in mentions:
        cut = None
        if m.kind == "org" and m.ref_id is None and m.parent is None:
            cut = _named_alone(text, m, alone)
        out.append(m if cut is None else _spanning(text, m, cut, m.end))
    return out


def _named_alone(text: str, m: Mention, alone: _Spans) -> int | None:
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
        if _named_outside(alone, text[word.start() : m.end], m):
            return word.start()
    return None


def without_lower_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    r"""Organisations' names cut before a lower-case word that follows the longest start
    of them another mention names on its own, where the word joins no parts of a name and
    no legal form follows it: a model that has seen names with lower-case words inside
    ("Verband kommunaler Versorger") may run a name on into the sentence after it.

    >>> text = "Stadt Nord\nSeit 2019 bietet die Stadt Nord interkulturelle Kurse an."
    >>> found = [Mention("org", "Stadt Nord", text[:10], 0, 10, "Kommune"),
    ...          Mention("org", text[32:64], text[32:64], 32, 64, "Kommune")]
    >>> [m.name for m in without_lower_tails(text, found)]
    ['Stadt Nord', 'Stadt Nord']
    """
    alone = _spans_by_name(m for m in mentions if m.kind == "org")
    out = []
    for m in mentions:
        cut = None  # a programme's title may go on in lower case: "Vielfalt verbindet"
        if m.kind == "org" and m.ref_id is None:
            cut = _before_lower_tail(text, m, alone)
        out.append(m if cut is None else _spanning(text, m, m.start, cut))
    return out


def _before_lower_tail(text: str, m: Mention, alone: _Spans) -> int | None:
    """Where ``m`` ends before a lower-case tail (:func:`without_lower_tails`), or None."""
    for word in reversed(list(re.finditer(r"\S+", text[m.start : m.end]))):
        if word.start() == 0 or not word.group()[:1].islower() or word.group() in FUNCTION_WORDS:
            continue  # a word joining a name's parts: "Caritasverband für die Stadt Bonn"
        end = m.start + word.start()
        if _LEGAL_FORM_IN.search(text, end, m.end):
            continue
        head = text[m.start : end].rstrip()
        if _named_outside(alone, head, m):
            return m.start + len(head)
    return None


def _spanning(text: str, m: Mention, start: int, end: int) -> Mention:
    """``m`` cut to ``text[start:end]``, named (and an organisation typed) by what is left."""
    surface = text[start:end]
    if m.kind != "org":
        return m.with_(name=clean_name(surface), surface=surface, start=start, end=end)
    name = normalise_org_name(clean_name(surface))
    return m.with_(name=name, surface=surface, start=start, end=end, type=org_type_of(name))


_TOWN_AFTER = re.compile(rf"(?<![\w.-]){LEGAL_FORM}(\s+)(\S+(?:\s+\S+)?)$")
_TOWN_AFTER_COMMA = re.compile(r"(?<=\S)(\s*,\s+)(\S+(?:\s+\S+)?)$")  # "Atelier X, Darmstadt"


def without_town_after(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names cut at their legal form, or at a comma, where only a town follows: the
    heading's town ("Lenne Kunststofftechnik GmbH   Plettenberg", "Atelier Mathildenhöhe,
    Darmstadt") or the next line's ("… eG" over "Vegesack · im Netzwerk seit 2019") is
    where the organisation sits, not its name.

    >>> text = "Lenne Kunststofftechnik GmbH Plettenberg"
    >>> found = [Mention("org", text, text, 0, len(text), "Unternehmen")]
    >>> [m.name for m in without_town_after(text, found)]
    ['Lenne Kunststofftechnik GmbH']
    """
    out = []
    for m in mentions:
        after = None
        if m.kind == "org" and m.ref_id is None:
            after = _TOWN_AFTER.search(text, m.start, m.end) or _TOWN_AFTER_COMMA.search(
                text, m.start, m.end
            )
        if after is None or not is_town(after.group(2).split("(")[0].strip()):
            out.append(m)
            continue
        out.append(_spanning(text, m, m.start, after.start(1)))
    return out


_LEGAL_FORM_IN = re.compile(rf"(?<![\w.-]){LEGAL_FORM}(?![\w])")
_LINE_START = re.compile(r"\n\s*(?=[A-ZÄÖÜ0-9])")  # the first name word of the next line


def without_town_before(text: str, mentions: list[Mention]) -> list[Mention]:
    r"""Names cut after the line break where they open with a town that ends the line
    above after a comma: in a list of one name per line, each with its seat ("Förde-Werkstatt
    e. V., Kiel" over "Arbeiterwohlfahrt Kreisverband Ostholstein e. V."), the town is the
    name's above, not the first word of the one below.

    >>> text = "Verein A e. V., Kiel\nArbeiterwohlfahrt Kreisverband Ostholstein e. V."
    >>> found = [Mention("org", text[16:], text[16:], 16, len(text), "Wohlfahrtsverband")]
    >>> [m.name for m in without_town_before(text, found)]
    ['Arbeiterwohlfahrt Kreisverband Ostholstein e. V.']
    """
    out = []
    for m in mentions:
        below = _LINE_START.search(text, m.start, m.end) if m.kind == "org" else None
        if (
            below is None
            or m.ref_id is not None
            or not text[: m.start].rstrip(" ").endswith(",")
            or not is_place(text[m.start : below.start()].strip())
        ):
            out.append(m)
            continue
        out.append(_spanning(text, m, below.end(), m.end))
    return out


def without_next_line(text: str, mentions: list[Mention]) -> list[Mention]:
    r"""Names cut before the next line they run on into, where the text names them
    elsewhere without it: a title's second line ("Integrationsnetzwerk Arbeit & Vielfalt"
    over "Mitgliederverzeichnis") is what the document is, a heading's words below a name
    ("Hessisches Ministerium für Soziales und Integration" over "Interkulturelle Öffnung")
    are the heading's, not the name's end. A name that opens its line may run on into one
    word only. A town, a territory or a legal form below a name is the name's ("Jugendamt"
    over "Dortmund", "Kommunales Integrationszentrum" over "Kreis Unna"); the title of a
    part of the document ("Inhalt", "Grußwort", "Impressum") never is.

    >>> text = "Netzwerk Vielfalt Nord\nMitgliederverzeichnis\nDas Netzwerk Vielfalt Nord ist …"
    >>> found = [Mention("programme", text[:44], text[:44], 0, 44, "Netzwerk"),
    ...          Mention("programme", text[49:71], text[49:71], 49, 71, "Netzwerk")]
    >>> [m.name for m in without_next_line(text, found)]
    ['Netzwerk Vielfalt Nord', 'Netzwerk Vielfalt Nord']
    """
    alone = _spans_by_name(mentions)
    out = []
    for m in mentions:
        m = _without_part_titles(text, m)
        cut = text.rfind("\n", m.start, m.end)
        tail = text[cut + 1 : m.end].strip() if cut > m.start else " "
        titled = cut > m.start and (m.start == 0 or text[m.start - 1] == "\n")
        cut_off = False
        first = tail.split()[0] if tail.split() else ""
        if (
            (titled or " " in tail)
            and not tail.isupper()
            and not is_town(tail.split("(")[0].strip())
            and first not in TERRITORIES
            and first[:1].isupper()
            and not _LEGAL_FORM_IN.search(tail)
        ):
            cut_off = _named_outside(alone, text[m.start : cut], m)  # not "Jugendamt" / "Dortmund"
        if m.ref_id is not None or not cut_off:
            out.append(m)
        else:
            out.append(_spanning(text, m, m.start, cut))
    return out


def _without_part_titles(text: str, m: Mention) -> Mention:
    """``m`` without the lines it runs on into that title a part of the document: the
    ministry on a title page over "Inhalt" and "Vorwort"."""
    end = m.end
    while (cut := text.rfind("\n", m.start, end)) > m.start and part_title(text[cut + 1 : end]):
        end = cut
    return m if end == m.end or m.ref_id is not None else _spanning(text, m, m.start, end)


def without_blank_lines(
    text: str, breaks: tuple[int, ...], mentions: list[Mention]
) -> list[Mention]:
    r"""Names cut at the first empty line they run over (``breaks``: the offsets of the
    stream's line breaks that stand for empty lines of the document, in order): a title
    set apart from its subtitle ("Bund.Vielfalt.Rhein-Main", empty lines, "Vielfalt im
    Bundesdienst – …") is the name alone; a name never runs over a paragraph's end. A page
    break between a name's words is no empty line.

    >>> text = "Netzwerk Nord\nVielfalt im Dienst"
    >>> found = [Mention("programme", "Netzwerk Nord Vielfalt im Dienst", text, 0, 31, "Netzwerk")]
    >>> [m.name for m in without_blank_lines(text, (13,), found)]
    ['Netzwerk Nord']
    """
    if not breaks:
        return mentions
    out = []
    for m in mentions:
        at = bisect_right(breaks, m.start)
        cut = breaks[at] if at < len(breaks) and breaks[at] < m.end else None
        surface = text[m.start : cut].rstrip() if cut is not None else ""
        first = m.name.split()[0] if m.name.split() else ""
        if (
            cut is None
            or m.ref_id is not None
            or not any(c.isupper() for c in surface)
            or first not in surface.split()  # the name is the part below: "Das Programm" | "„…“"
        ):
            out.append(m)
        else:
            out.append(_spanning(text, m, m.start, m.start + len(surface)))
    return out
