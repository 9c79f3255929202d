"""Title, publisher and report year of a document, read from its own text.

Why: a coordinator cites a source as „Titel“ (Herausgeber, Jahr), not as a file name, and
the year range of the pages needs each report's year. The text carries these in a few
ways that recur across brochures, press releases and web pages, so they are read from
general cues, never from a list of known reports:

* **title**: the first lines that are not a genre word ("Dokumentation", "Pressemitteilung"),
  a web page's header ("Stadt X – Aktuelles"), a dateline or a bare date; a title broken
  over lines (ending in "und", an article, an open quotation mark) is joined again.
* **publisher**: the imprint ("Herausgeber:" / "Herausgeberin" / "Hrsg.:" and the lines
  below it), the government formula "im Rahmen der Öffentlichkeitsarbeit der … herausgegeben",
  a report heading "Umsetzungsbericht der Bezirksregierung …", or a web page's header.
* **year**: a year on the title page ("September 2011", "Zeitraum Dezember 2016 – Oktober
  2017", "Heft 2/2019"), else "Jahresbericht 2021" / "Berichtsjahr 2021", else the year the
  text names most often outside bibliography lines (the later one on a tie).

The coordinators' corrections file may override any of them (``documents:`` entries).

>>> from loaders.models import CleanText, SourceText
>>> def meta(*lines):
...     src = SourceText("x.txt", "x.txt", "", tuple(lines), ())
...     return document_meta(CleanText(src, tuple(lines), tuple(False for _ in lines)))
>>> meta("Ergebnisdokumentation", "Vielfalt in der Metropole", "September 2011", "",
...      "Herausgeberin:", "**Städtekooperation Ruhr**", "Redaktion: A. B.")
DocumentMeta(title='Vielfalt in der Metropole', publisher='Städtekooperation Ruhr', year=2011)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from loaders.models import CleanText

__all__ = ["DocumentMeta", "document_meta", "title_page_lines"]

_YEAR = r"(?:19[89]\d|20[0-4]\d)"
_YEAR_RE = re.compile(rf"(?<![\d/.,-]\d)(?<!\d)({_YEAR})(?!\d)")
_MONTH = (
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember)"
)
# genre and navigation words that head a text without being its title
_GENRE = re.compile(
    r"^(?:Ergebnisdokumentation|Dokumentation|Bericht|Umsetzungsbericht|Jahresbericht|"
    r"Broschüre|Einladung|Programm|Inhalt|Inhaltsverzeichnis|Impressum|Pressemitteilung|"
    r"Pressemeldung|Presseinformation|Aktuelles|Aktuelle Meldungen|Meldung|News|Vorwort)\W*$",
    re.IGNORECASE,
)
# "Düsseldorf/Aachen, 13. Mai" or "Berlin, 22.03.2021": a dateline, not a title
_DATELINE = re.compile(rf"^[\w/ .()-]{{2,40}},\s+(?:\d{{1,2}}\.\s*(?:{_MONTH}|\d{{1,2}}\.))")
_DATE_ONLY = re.compile(rf"^(?:\d{{1,2}}\.\s*)?(?:{_MONTH}\s+)?{_YEAR}$|^[\W\d]+$")
# a web page's header: "Stadt Weiterstadt – Aktuelle Meldungen", "G.I.B. Info – Heft 2/2019"
_SITE = re.compile(r"^(?P<left>[^–—|]{2,80}?)\s+[–—|]\s+(?P<right>[^–—|]{2,60})$")
_SECTION = re.compile(
    r"^(?:Aktuelles|Aktuelle Meldungen|Meldungen|Presse|Pressemitteilungen?|News|Projekte?|"
    r"Veranstaltungen|Termine|Integration|Themen|Blog|Nachrichten|Startseite|"
    r"(?:Heft|Ausgabe|Nr\.?)\s*[\d/]+)$",
    re.IGNORECASE,
)
# words after which a title line goes on in the next line
_OPEN_END = re.compile(
    r"(?:\b(?:und|oder|sowie|der|die|das|den|dem|des|ein|eine|einer|eines|für|mit|von|vom|"
    r"zur|zum|im|in|an|am|auf|aus|bei|über|unter|zwischen)|[-–—,:])$",
    re.IGNORECASE,
)
_PUBLISHER_LABEL = re.compile(
    r"^\W*(?:Herausgeber(?:in)?|Hrsg\.)\W*(?::\s*(?P<rest>.*))?$", re.IGNORECASE
)
_IMPRINT_LABEL = re.compile(r"^\W*[A-ZÄÖÜ][\w /.-]{1,40}?:")
# the next imprint lines that continue the publisher's name ("der Stadt Dessau-Roßlau")
_NAME_GOES_ON = re.compile(r"^(?:der|des|für|im|e\.\s?V\.|gGmbH|GmbH)\b")
_GOVERNMENT = re.compile(
    r"Öffentlichkeitsarbeit\s+(?:der|des)\s+(?P<name>[A-ZÄÖÜ][^.;:]{3,90}?)\s+herausgegeben"
)
_GIVEN_BY = re.compile(r"[Hh]erausgegeben\s+(?:von|vom|durch)\s+(?P<name>[^.;:]{3,90}?)[.;:]")
_REPORT_OF = re.compile(
    r"^\W*(?:Umsetzungs|Jahres|Tätigkeits|Sach|Abschluss|Zwischen)?[Bb]ericht\s+"
    r"(?:der|des)\s+(?P<name>[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*)*)"
)
_REPORT_YEAR = re.compile(
    rf"\b(?:Jahres|Tätigkeits|Umsetzungs|Sach)?[Bb]ericht(?:sjahr)?\s+(?:für\s+(?:das\s+Jahr\s+)?)?"
    rf"({_YEAR})(?!\d)"
)
# lines citing other publications, whose years are not the report's
_BIBLIOGRAPHY = re.compile(r"\(Hrsg\.\)|Schriftenreihe|ISBN|\bHeft\s+\d|\bS\.\s*\d|Verlag")
_MAX_TITLE = 160
_TITLE_PAGE = 8  # non-empty lines read as the title page
_TITLE_LINE = 72  # a longer line is running text


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    publisher: str | None
    year: int | None


def _plain(line: str) -> str:
    """A line without Markdown emphasis, heading marks and doubled spaces."""
    line = re.sub(r"[*#_]+", " ", line)
    return re.sub(r"\s+", " ", line).strip()


def _unquote(title: str) -> str:
    """Outer quotation marks of a quoted title go: „Fit für den Alltag“ -> Fit für den Alltag."""
    t = re.sub(r"(^|\s),(?=\w)", r"\1„", title.strip().rstrip("."))  # OCR: ,Name“
    if len(t) > 2 and t[0] in '„"“,‚' and t[-1] in '“”"‘' and t.count("„") <= 1:
        return t[1:-1].strip()
    return t


def title_page_lines(text: CleanText, limit: int = _TITLE_PAGE) -> list[str]:
    """The first ``limit`` non-empty, non-noise lines, plain."""
    out = []
    for line, noise in zip(text.lines, text.noise, strict=False):
        plain = _plain(line)
        if plain and not noise:
            out.append(plain)
            if len(out) == limit:
                break
    return out


def _site_header(line: str) -> tuple[str, str] | None:
    """(publisher, section) of a web page's header line, else None."""
    m = _SITE.match(line)
    if not m:
        return None
    left, right = m.group("left").strip(), m.group("right").strip()
    if _SECTION.match(right):
        return left, right
    if _SECTION.match(left):
        return right, left
    return None


def _balanced(text: str) -> bool:
    opened = text.count("„") + text.count(",,") + len(re.findall(r"(?:^|\s),(?=\w)", text))
    return opened <= text.count("“") + text.count("”") + text.count('"')


def _title(lines: list[str]) -> tuple[str, str | None]:
    """(title, publisher from a web header) from the title page lines."""
    publisher = None
    i = 0
    while i < len(lines):
        line = lines[i]
        site = _site_header(line)
        if site and i < 2:
            publisher = publisher or site[0]
        elif not (_GENRE.match(line) or _DATELINE.match(line) or _DATE_ONLY.match(line)):
            break
        i += 1
    if i == len(lines):
        return "", publisher
    title = lines[i]
    while i + 1 < len(lines) and len(title) < _MAX_TITLE:
        nxt = lines[i + 1]
        if _DATE_ONLY.match(nxt) or _GENRE.match(nxt):
            break
        if len(nxt) > _TITLE_LINE:  # running text, not a title's second line
            break
        if _OPEN_END.search(title) or not _balanced(title) or nxt[:1].islower():
            title = re.sub(r"(?<=[a-zäöüß])-$", "", title) + ("" if title.endswith("-") else " ")
            title = (title + nxt).strip()
            i += 1
            continue
        break
    return _unquote(re.sub(r"\s+", " ", title)), publisher


def _imprint_publisher(lines: list[str]) -> str | None:
    for i, raw in enumerate(lines):
        if "erausgeber" not in raw and "Hrsg" not in raw:  # cheap test before the regexes
            continue
        line = _plain(raw)
        m = _PUBLISHER_LABEL.match(line)
        if not m:
            continue
        rest = (m.group("rest") or "").strip()
        if rest:
            return rest.rstrip(",;")
        name: list[str] = []
        for nxt_raw in lines[i + 1 : i + 8]:
            nxt = _plain(nxt_raw)
            if not nxt:
                if name:
                    break
                continue
            if _IMPRINT_LABEL.match(nxt) or (name and not _NAME_GOES_ON.match(nxt)):
                break
            name.append(nxt)
        if name:
            return " ".join(name).rstrip(",;")
    return None


def _flat(lines: tuple[str, ...]) -> str:
    """The text as one line, words hyphenated across lines joined again."""
    text = _plain(" ".join(lines))  # one pass over the whole text, not one per line
    return re.sub(r"(?<=[a-zäöüß])- (?=[a-zäöüß])", "", text)


def _publisher(text: CleanText, flat: str, title_lines: list[str], site: str | None) -> str | None:
    found = _imprint_publisher(list(text.lines))
    if found:
        return found
    for pattern in (_GOVERNMENT, _GIVEN_BY):
        m = pattern.search(flat)
        if m:
            return m.group("name").strip()
    if site:
        return site
    for line in title_lines:
        m = _REPORT_OF.match(line)
        if m:
            return re.split(r"\s+(?:im|in|für|zum|zur|vom)\s", m.group("name"))[0].strip()
    return None


def _year(text: CleanText, flat: str, title_lines: list[str]) -> int | None:
    for line in title_lines:
        if len(line) > 100 or re.search(r"[a-zäöüß]\.$", line):
            break  # running text begins: its years are what it reports, not when
        if re.search(rf"\b(?:seit|ab|bis|von)\s+{_YEAR}", line) or _BIBLIOGRAPHY.search(line):
            continue
        years = _YEAR_RE.findall(line)
        if years:
            return int(years[-1])
    stated = _REPORT_YEAR.findall(flat)
    if stated:
        return max(int(y) for y in stated)
    counts: Counter[int] = Counter()
    for line in text.lines:
        years = _YEAR_RE.findall(line)
        if years and not _BIBLIOGRAPHY.search(line):
            counts.update(int(y) for y in years)
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def document_meta(text: CleanText) -> DocumentMeta:
    """Title, publisher and year of a document (each empty/None when the text has no cue)."""
    lines = title_page_lines(text)
    title, site = _title(lines)
    flat = _flat(text.lines)
    return DocumentMeta(title, _publisher(text, flat, lines, site), _year(text, flat, lines))
