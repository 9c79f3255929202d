"""From the model's tags back to mentions the resolver understands.

A rule mention that a model span overlaps is confirmed and kept with its record (reference
id, kind, parent, unit status, list origin); a span that no rule mention overlaps becomes a
new mention, named in the nominative and typed by its head words; a rule mention that no
model span overlaps is dropped: the model has seen the rules' opinion as a feature and
overruled it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from loaders.learn.features import word_classes
from loaders.learn.nominative import article_before, nominative
from loaders.learn.tokens import Token
from loaders.mentions.model import PLACE_OPENER, Mention
from loaders.mentions.patterns import normalise_org_name, org_type_of
from loaders.names import clean_name

__all__ = ["spans_of", "to_mentions"]

# web and mail addresses are not organisations ("welcome.ruhr" may be one: no TLD here)
_WEB = re.compile(r"www\.|https?:|@|\.(?:de|com|org|net|eu|info)\b|/\w+/")
# mentions read from a document convention the model cannot see token by token
_STRUCTURAL = frozenset({"branch"})
_BRACKETED = re.compile(r"\([^()]*\)?")
_LIST_DASH = re.compile(r"\s[-–]\s")
# an agenda item of council minutes ("TOP 6 Evaluation des …", "TOP Ö 3 Aufgaben …") or a
# letter's salutation ("Hallo Welt", "Liebe Leserinnen und Leser", "Sehr geehrte Damen …")
_NOT_A_NAME = re.compile(
    r"^(?:TOP\s+(?:[ÖN]\s+)?\d|(?:Hallo|Liebe[rs]?|Sehr\s+geehrte[rn]?|Guten\s+Tag)\b)"
)
_NAME_WORD = re.compile(r"[\wÄÖÜäöüß-]+")
# the last word of a name that is an adjective ("KI-internen", "IQ-geförderte": a compound
# whose last part is lower-case and inflected) or an office ("KI-Mitarbeiter": people)
_COMPOUND_TAIL = re.compile(r"^[A-ZÄÖÜ][\wÄÖÜäöüß]*-(?:([a-zäöüß]+(?:e|en|er|es|em))|(\w+))$")
# a genre word before a name is its label, not part of it (GUIDELINES: "Projekt „X“" is "X"):
# one word before an opening quote ("Kooperation „X“", "Fortbildungsangebot „X“") or "Projekt"
_LABEL = re.compile(r"^(?:[\w-]+\s+[„\"»‚]\s*|(?:Pilot|Modell)?[Pp]rojekt(?:es|s)?\s+)(?=[\w#])")
_KIND_OF_CUE = [
    (re.compile(r"projekt", re.I), "Projekt"),
    (re.compile(r"programm", re.I), "Foerderprogramm"),
    (re.compile(r"netzwerk|plattform|verbund", re.I), "Netzwerk"),
    (re.compile(r"initiative|bündnis", re.I), "Initiative"),
    (re.compile(r"kampagne|aktion|woche|#", re.I), "Kampagne"),
    (re.compile(r"charta|vereinbarung|kontrakt|pakt", re.I), "Charta"),
    (re.compile(r"gesetz|verordnung", re.I), "Gesetz"),
    (
        re.compile(r"tag\b|tagung|konferenz|forum|messe|reihe|fest|festival|wettbewerb", re.I),
        "Veranstaltungsreihe",
    ),
]


def spans_of(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, end, label) token spans of a BIO sequence; a stray I- opens a span."""
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag == "O":
            i += 1
            continue
        label = tag[2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        spans.append((i, j, label))
        i = j
    return spans


def _programme_kind(text: str, before: str) -> str:
    cue = before.rsplit(None, 1)[-1] if before.strip() else ""
    for pattern, kind in _KIND_OF_CUE:
        if pattern.search(cue) or pattern.search(text):
            return kind
    return "Projekt"


def to_mentions(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int, str]],
    rule_mentions: Sequence[Mention],
) -> list[Mention]:
    """Rule mentions the model's spans confirm, plus the spans only the model found.

    Mentions read from a document convention (``_STRUCTURAL``: "Düsseldorf (Jüdische
    Gemeinde)" is "Jüdische Gemeinde Düsseldorf") stand whatever the model tags there: it
    sees tokens, not the convention."""
    structural = [m for m in rule_mentions if m.origin in _STRUCTURAL]
    fixed = [(m.start, m.end) for m in structural]
    rule_mentions = [m for m in rule_mentions if m.origin not in _STRUCTURAL]
    starts = sorted(m.start for m in rule_mentions)
    ordered = sorted(rule_mentions, key=lambda m: m.start)
    confirmed: set[int] = set()
    out: list[Mention] = list(structural)
    pieces = (
        (start, stop, label)
        for first, end, label in spans
        for start, stop in _between_separators(text, tokens[first].start, tokens[end - 1].end)
    )
    for start, stop, label in pieces:
        if any(a < stop and start < z for a, z in fixed):
            continue
        lo = bisect_left(starts, start - 300)
        hi = bisect_left(starts, stop)  # mentions are ordered by start: none after this one
        overlapping = [i for i in range(lo, hi) if start < ordered[i].end]
        found = None
        if not overlapping or _outgrows(text, start, stop, [ordered[i] for i in overlapping]):
            found = _new_mention(text, start, stop, label)
        if found is not None:
            out.append(found)
        else:  # what the rules found there stands (a shapeless span adds nothing)
            confirmed.update(overlapping)
    out.extend(ordered[i] for i in sorted(confirmed))
    return sorted(out, key=lambda m: m.start)


_SEPARATOR = re.compile(r"\s+[·|]\s+")  # "Goldbachschule Frohnhausen · Johann-von-Nassau-Schule"


def _between_separators(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The parts of a span between the separators of a line of names: a name holds no
    " · " and no " | ".

    >>> text = "Goldbachschule Frohnhausen · Johann-von-Nassau-Schule Dillenburg"
    >>> [text[a:z] for a, z in _between_separators(text, 0, len(text))]
    ['Goldbachschule Frohnhausen', 'Johann-von-Nassau-Schule Dillenburg']
    """
    cuts = [(m.start(), m.end()) for m in _SEPARATOR.finditer(text, start, stop)]
    if not cuts:
        return [(start, stop)]
    edges = [start, *(x for cut in cuts for x in cut), stop]
    return [(a, z) for a, z in zip(edges[::2], edges[1::2], strict=True) if a < z]


def _outgrows(text: str, start: int, stop: int, inside: list[Mention]) -> bool:
    """True when the model's span holds the rule mentions and more name words
    ("Konzerthaus Dortmund" around the place "Dortmund"): then the longer name stands."""
    if not all(start <= m.start and m.end <= stop for m in inside):
        return False
    rest = text[start:stop]
    for m in sorted(inside, key=lambda m: m.start, reverse=True):
        rest = rest[: m.start - start] + " " + rest[m.end - start :]
    rest = _BRACKETED.sub(" ", rest)  # "Stadt X (SX)": a short form, not more of the name
    return any(w[:1].isupper() and len(w) > 1 for w in _NAME_WORD.findall(rest))


def _shouted(words: list[str]) -> bool:
    """Words in capitals that say nothing of a name: in text set in capitals case shows no
    name, so a slogan ("KONTAKTIEREN SIE UNS GERNE", "MEHR INFOS") is a name only with a
    head word of organisations or programmes or a legal form; words that short forms are
    made of ("IAL CISL", "KOMM-AN NRW") and a single word stand."""
    letters = "".join(c for c in "".join(words) if c.isalpha())
    long_words = sum(1 for w in words if sum(c.isalpha() for c in w) >= 5)
    if not letters.isupper() or long_words < 2:
        return False  # "IDA NRW", "JUMP IN", "BÜRGERKURIER": short forms and titles
    classes = word_classes()
    for word in words:
        low = word.casefold().strip(".,()")
        if low in classes.programme_cues or low in classes.legal_forms:
            return False
        if low.endswith(classes.head_endings):
            return False
    return True


def _name_shaped(name: str) -> bool:
    """A name starts with a capital (or # or a digit), is no web address, no question, no
    list of topics, no agenda item and no salutation, neither starts nor ends with a
    function word, and does not end in an adjective or an office.

    >>> [_name_shaped(n) for n in ("KI-internen", "KI-Mitarbeiter", "KI-Team", "IQ-Netzwerk")]
    [False, False, True, True]
    >>> [_name_shaped(n) for n in ("TOP 6 Evaluation des Konzeptes", "Hallo Welt")]
    [False, False]
    >>> [_name_shaped(n) for n in ("KONTAKTIEREN SIE UNS GERNE", "IDA NRW", "STADT ESSEN")]
    [False, True, True]
    """
    words = name.split()
    if len(name) < 2 or not any(c.isalpha() for c in name) or _WEB.search(name):
        return False
    if not (name[0].isupper() or name[0].isdigit() or name[0] == "#"):
        return False
    if "?" in name or "--" in name or len(_LIST_DASH.findall(name)) > 1 or len(words) > 10:
        return False
    if _NOT_A_NAME.match(name):
        return False
    if _shouted(words):
        return False
    tail = _COMPOUND_TAIL.match(words[-1])
    if tail and (tail.group(1) or tail.group(2).casefold() in word_classes().role_words):
        return False
    function_words = word_classes().function_words
    return words[0].casefold() not in function_words and words[-1] not in function_words


def _without_next_line_opener(text: str, start: int, stop: int) -> int:
    r"""Where a span ends that ran over a line break into the word opening the next line,
    when that word opens a date or a clause ("… des Lahn-Dill-Kreises" | "Freitag, 22.
    September", "… Vielfaltszentrum" | "Gefördert vom …"): before the line break.

    >>> text = "Volkshochschule Wetzlar\nFreitag, 22. September"
    >>> text[: _without_next_line_opener(text, 0, 31)]
    'Volkshochschule Wetzlar'
    """
    cut = text.rfind("\n", start, stop)
    last = text[cut + 1 : stop].strip()
    if cut <= start or " " in last:
        return stop
    classes = word_classes()
    if last.casefold() in classes.date_words or last.casefold() in classes.relation_cues:
        return len(text[start:cut].rstrip()) + start
    return stop


# a place's first word never ends a name: "Freiwillige Feuerwehr Bad" | "Hersfeld"
_PLACE_OPENER = re.compile(rf"\s{PLACE_OPENER}$")
_PLACE_REST = re.compile(r"\s+[A-ZÄÖÜ][\wäöüß]+(?:-[A-ZÄÖÜ][\wäöüß]+)*")


def _with_whole_place(text: str, start: int, stop: int) -> int:
    """Where a span ends that stopped after a place's first word ("Bad", "Sankt"): after
    the place's name.

    >>> text = "an die Freiwillige Feuerwehr Bad Hersfeld auf Platz zwei"
    >>> text[7 : _with_whole_place(text, 7, text.index(" Hersfeld"))]
    'Freiwillige Feuerwehr Bad Hersfeld'
    """
    if _PLACE_OPENER.search(text, start, stop) and (rest := _PLACE_REST.match(text, stop)):
        return rest.end()
    return stop


_LAST_WORD = re.compile(r"\s+([^\s]+)$")


def _without_trailing_verb(text: str, start: int, stop: int) -> int:
    """Where an organisation's span ends that took the lower-case word after the name
    ("das Welcome Center Ostwürttemberg freuen"): before it. A legal form ("mbH") and a
    name written in lower case ("welcome.ruhr") stay.

    >>> text = "kann sich das Welcome Center Ostwürttemberg freuen, teilte"
    >>> text[14 : _without_trailing_verb(text, 14, text.index(","))]
    'Welcome Center Ostwürttemberg'
    >>> text = "die dobeq mbH"
    >>> text[4 : _without_trailing_verb(text, 4, len(text))]
    'dobeq mbH'
    """
    last = _LAST_WORD.search(text, start, stop)
    if last is None:
        return stop
    word = last.group(1)
    if not word.isalpha() or not word.islower() or word in word_classes().legal_forms:
        return stop
    return last.start()


def _new_mention(text: str, start: int, stop: int, label: str) -> Mention | None:
    stop = _with_whole_place(text, start, _without_next_line_opener(text, start, stop))
    if label == "ORG":
        stop = _without_trailing_verb(text, start, stop)
    surface = text[start:stop]
    name = clean_name(surface)
    if not _name_shaped(name):
        return None
    name = nominative(name, article_before(text, start))
    if label == "ORG":
        name = normalise_org_name(name)
        return Mention("org", name, surface, start, stop, org_type_of(name), origin="model")
    kind = _programme_kind(name, text[max(0, start - 40) : start])
    genre = _LABEL.match(name)
    if genre is not None and len(name) - genre.end() >= 3:
        name = clean_name(name[genre.end() :])
    return Mention("programme", name, surface, start, stop, kind, origin="model")
