"""Programme, network, campaign and event names found by a cue word before the name.

A German report names a programme by a cue noun and a (usually quoted) name: "Projekt
„Partnernetzwerken!“", "Kampagnen „A“ und „B“", "Landesprogramm Wegweiser", "5. Deutscher
Diversity-Tag", "Internationaler Tag der Toleranz". The cue also gives the kind.

>>> [(m.name, m.type) for m in find_quoted_programmes("die Kampagne „Vielfalt wirkt“")]
[('Vielfalt wirkt', 'Kampagne')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.mentions.model import NOT_PLACE as _NOT_PLACE
from loaders.mentions.model import WORD as _W
from loaders.mentions.model import Mention
from loaders.names import clean_name

__all__ = ["find_quoted_programmes", "find_plain_programmes", "with_laws"]

_PROGRAMME_CUES: list[tuple[str, str]] = [
    (r"\w*[Pp]rojekt(?:es|s|en|e)?", "Projekt"),
    (r"\w*[Pp]rogramm(?:es|s)?", "Foerderprogramm"),
    (r"\w*[Kk]ampagnen?", "Kampagne"),
    (r"Motto", "Kampagne"),
    (r"\w*[Aa]usstellung", "Sonstige"),
    (r"\w*[Ff]ormat", "Projekt"),
    (r"\w*[Vv]eranstaltung", "Sonstige"),
    (r"\w*[Ii]nitiative", "Initiative"),
    (r"\w*[Nn]etzwerk(?:es|s)?|Netzwerkplattform|Plattform", "Netzwerk"),
    (r"Charta|Kontrakt(?:es|s)?|\w*[Vv]ereinbarung|Bündnis(?:ses)?|Pakt(?:es|s)?", "Charta"),
    (r"Aktion", "Kampagne"),
    (r"\w*[Pp]reis(?:es)?", "Sonstige"),
    (
        r"\w*[Ff]orum|\w*[Rr]eihe|\w*[Mm]esse|Wettbewerb(?:s|es)?|Fachtag(?:ung)?|Konferenz|"
        r"Aktionstag(?:es|s)?|Masterplan",
        "Veranstaltungsreihe",
    ),
]
_QUOTE_OPEN = r"[„\"»‚,“]"
_QUOTE_CLOSE = r"(?:[“”\"«‘®]|\*(?=[\s,.;)]))"
_PROGRAMME_NAME = r"(?:#\w+|[A-ZÄÖÜ][\w\-+!]*(?::?[ ]+(?:[A-ZÄÖÜ][\w\-+!]*|NRW|\d+[\w+]*))*)"

_PROGRAMME_QUOTED_RE = [
    (
        re.compile(
            rf"\b(?:{cue})\s*\(?\s*(?:des\s+|der\s+|zur\s+|zum\s+)?{_QUOTE_OPEN}(?=[\w#])"
            rf"([^“”\"«®\n]{{2,100}}?(?:\n[^“”\"«®\n]{{1,80}}?){{0,2}}){_QUOTE_CLOSE}"
        ),
        kind,
    )
    for cue, kind in _PROGRAMME_CUES
]
_PROGRAMME_PLAIN_RE = re.compile(
    rf"\b(?:Projekt(?:es|s|en)?|Pilotprojekt(?:es|s)?|Modellprojekt(?:es|s)?|Landesprogramm(?:s|es)?|"
    rf"Bundesprogramm(?:s|es)?|Förderprogramm(?:s|es)?|Kampagne|Netzwerkplattform|Berufsmesse|"
    rf"Masterplan|\w*[Ww]erkstatt)\s+{_NOT_PLACE}(?!Die\b|Der\b|Das\b)({_PROGRAMME_NAME})"
)
# "3. Interkommunales Forum Integration", "5. Deutscher Diversity-Tag": a numbered event
_NUMBERED_EVENT_RE = re.compile(
    rf"\b\d{{1,2}}\.\s+((?:{_W}\s+)?(?:Forum|Fachtag|Fachtagung|Kongress|Konferenz|Netzwerktreffen|"
    rf"Aktionstag|Tag)\b(?:[ ]+(?!Die\b|Der\b|Das\b){_W})?)"
)
# "Internationaler Tag der Toleranz", "am „Tag des Flüchtlings“": a named day of action
_NAMED_DAY_RE = re.compile(
    rf"\b(?:(?:Internationale|Deutsche|Bundesweite|Europäische|Weltweite)[nrs]?\s+)?"
    rf"Tag(?:es|s)?\s+(?:der|des|gegen)\s+{_W}(?:\s+und\s+{_W})?"
)
# "„#IchDuWirNRW“ und „Du machst den Unterschied“": more quoted names after a cued one
_QUOTED_MORE_RE = re.compile(
    rf"\s*(?:,|und|sowie|oder)\s*{_QUOTE_OPEN}(?=[\w#])([^“”\"«®\n]{{2,80}}?(?:\n[^“”\"«®\n]{{1,60}}?)?)"
    rf"{_QUOTE_CLOSE}"
)
_PROGRAMME_KIND_OF = {
    "Projekt": "Projekt",
    "Pilotprojekt": "Projekt",
    "Modellprojekt": "Projekt",
    "Landesprogramm": "Foerderprogramm",
    "Bundesprogramm": "Foerderprogramm",
    "Förderprogramm": "Foerderprogramm",
    "Kampagne": "Kampagne",
    "Netzwerkplattform": "Netzwerk",
    "Berufsmesse": "Veranstaltungsreihe",
    "Masterplan": "Sonstige",
}


_QUOTE_START = re.compile(rf"{_QUOTE_OPEN}(?=[\w#])")


def _cue_starts(text: str) -> list[int]:
    """Where a cued quoted name can begin: the starts of the two words before each opening
    quote, across white space and brackets.

    Why: each pattern of ``_PROGRAMME_QUOTED_RE`` is a cue word (any word characters, then
    a cue noun: slow to try at every word), then white space, a bracket or an article, then
    the quote; so a match begins at the start of the cue's word, one of the two words
    before a quote.
    Trying the patterns there, in order, finds what ``finditer`` finds (a test compares).
    """
    starts: set[int] = set()
    for quote in _QUOTE_START.finditer(text):
        k, words = quote.start(), 0
        while k > 0 and words < 2:
            c = text[k - 1]
            if c.isspace() or c == "(":
                k -= 1
            elif c.isalnum() or c == "_":  # a word character, as the patterns mean it
                while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
                    k -= 1
                starts.add(k)
                words += 1
            else:
                break
    return sorted(starts)


def _matches(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` for a pattern that can only match at ``starts``."""
    end = 0
    for start in starts:
        if start >= end and (m := regex.match(text, start)) is not None:
            end = m.end()
            yield m


def find_quoted_programmes(text: str) -> list[Mention]:
    """Quoted names after a cue, and named days of action."""
    out: list[Mention] = []
    starts = _cue_starts(text)
    for regex, kind in _PROGRAMME_QUOTED_RE:
        for m in _matches(regex, text, starts):
            name = clean_name(m.group(1))
            if len(name) >= 3 and not name.islower():
                out.append(Mention("programme", name, m.group(), m.start(), m.end(), kind))
                out.extend(_more_quoted(text, m.end(), kind))
    for m in _NAMED_DAY_RE.finditer(text):
        name = _DAY_FORMS.sub(r"\1er Tag", clean_name(m.group()))
        name = re.sub(r"^Tag(?:es|s)\b", "Tag", name)
        out.append(Mention("programme", name, m.group(), m.start(), m.end(), "Veranstaltungsreihe"))
    return out


def find_plain_programmes(text: str) -> list[Mention]:
    """Unquoted names after a programme cue, and numbered events."""
    out: list[Mention] = []
    for m in _PROGRAMME_PLAIN_RE.finditer(text):
        cue = re.sub(r"(?:es|s)$", "", m.group().split()[0])
        name = clean_name(m.group(1))
        if cue == "Masterplan" or cue.lower().endswith("werkstatt"):  # the cue is in the name
            name = f"{cue} {name}"
        if len(name) >= 3:
            kind = _PROGRAMME_KIND_OF.get(cue, "Projekt")
            out.append(Mention("programme", name, m.group(), m.start(), m.end(), kind))
    for m in _NUMBERED_EVENT_RE.finditer(text):
        name = clean_name(m.group(1))
        out.append(
            Mention("programme", name, m.group(), m.start(1), m.end(), "Veranstaltungsreihe")
        )
    return out


def with_laws(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` and the laws the text names where nothing else was found: a law's
    compound ("Infektionsschutzgesetz", "Psychisch-Kranken-Gesetz (PsychKG)", "Teilhabe- und
    Integrationsgesetz NRW") or code ("SGB II") names it, so it needs no model's vote."""
    out = list(mentions)
    for m in _LAW_RE.finditer(text):
        if any(o.start < m.end() and m.start() < o.end for o in mentions):
            continue
        if m.group("code"):
            name = " ".join(m.group("code").split())
        else:
            head = re.sub(r"(?<=[gG]esetz)(?:es|s)$", "", m.group("law"))
            name = clean_name(re.sub(r"^Allgemeinen\b", "Allgemeines", head) + m.group("land"))
        out.append(Mention("programme", name, m.group(), m.start(), m.end(), "Gesetz"))
    return sorted(out, key=lambda m: m.start)


# laws, named by their compound ("Infektionsschutzgesetz", "Psychisch-Kranken-Gesetz (PsychKG)",
# "Teilhabe- und Integrationsgesetz NRW", "Ausbilder-Eignungsverordnung") or code ("SGB II")
_LAW_RE = re.compile(
    r"\b(?:(?P<law>(?:Allgemeine[ns]?\s+)?(?:[A-ZÄÖÜ][\wäöüß]*-\s+und\s+)?"
    r"[A-ZÄÖÜ][\wäöüß]*(?:-[\wäöüß]+)*-?(?:[gG]esetz(?:es|s)?|[vV]erordnung))\b"
    r"(?P<land>(?:\s+(?:NRW|Nordrhein-Westfalen))?)(?:\s*\([A-Za-zÄÖÜ-]{2,12}\))?"
    r"|(?P<code>SGB\s+[IVX]+)\b)"
)


_DAY_FORMS = re.compile(r"^(\w+)e[nrs]?\s+Tag(?:es|s)?\b")


def _more_quoted(text: str, end: int, kind: str) -> list[Mention]:
    """Quoted names that continue a cued one ("Kampagnen „A“ und „B“") have its kind."""
    out = []
    while (m := _QUOTED_MORE_RE.match(text, end)) is not None:
        name = clean_name(m.group(1))
        if len(name) < 3 or name.islower():
            break
        out.append(Mention("programme", name, m.group(1), m.start(1), m.end(1), kind))
        end = m.end()
    return out
