"""Find the chapters of a partner brochure: one per field of action.

A brochure reports its partners' measures field by field (``reference/categories.yaml``).
A chapter opens with the field's title; running page headers repeat it. Titles are
recognised by patterns, kept only in increasing field order (the longest such run), so
a table of contents or a sub-heading that happens to read "Weitere Maßnahmen" opens no
chapter. Text extracted from a PDF may print a page's title after the page's text, so a
chapter starts on the page that holds its title.

Pages matter for the layout too: :func:`page_starts` recovers them from the PDF page
numbers, form feeds, a page-start marker, or else from running headers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from loaders.clean.textstream import continues_sentence
from loaders.errors import InputError
from loaders.models import CleanText
from loaders.reference import REFERENCE_DIR, read_yaml, word_alternatives

__all__ = [
    "CATEGORIES_FILE",
    "back_matter_start",
    "Category",
    "Chapter",
    "load_categories",
    "page_starts",
    "part_title",
    "running_chapter_labels",
    "find_chapters",
    "heading_key",
    "filled_lines",
]

CATEGORIES_FILE = REFERENCE_DIR / "categories.yaml"
CHAPTER_LABELS_FILE = REFERENCE_DIR / "chapter_labels.yaml"
FRONT_MATTER_FILE = REFERENCE_DIR / "front_matter.yaml"
BACK_MATTER_FILE = REFERENCE_DIR / "back_matter.yaml"
COUNTED_THINGS_FILE = REFERENCE_DIR / "counted_things.yaml"

_MIN_CHAPTERS = 2  # fewer fields of action than this: not a partner brochure
_TOC = re.compile(r"(seite|s\.)\s*\d+\s*$|\.{4,}\s*\d+\s*$", re.IGNORECASE)
_EDGE_CHARS = "0123456789 \t.|–—-"
_LETTER = "[A-H]"  # a chapter's letter: "Handlungsfeld C", "C TEILHABE"
_ROMAN = "(?:VI|IV|V|I{1,3})"  # a chapter's Roman numeral, up to the sixth field
_LETTERED = re.compile(
    rf"^\s*(?:[A-Za-zäöüÄÖÜ]+\s+)?(?:(?P<letter>{_LETTER})|(?P<roman>{_ROMAN}))"
    r"(?:\s*$|\s*[|:.–—-]?\s+)"
)
_NUMBERED = re.compile(r"^\s*(?P<number>[1-6])\.?\s+(?=[A-ZÄÖÜ])")  # "2   KOMPETENZEN STÄRKEN"
# the field's own number: "Handlungsfeld 6" is the sixth field whatever its title says
_FIELD_NUMBER = re.compile(r"^\s*Handlungsfeld\s+(?P<number>[1-6])\b", re.IGNORECASE)
_ROMAN_VALUE = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
# a line that is only a word and a field's count, with the title below it: whatever the
# word ("SCHWERPUNKT II", "Säule 3", "Baustein C"), it labels the chapter as the listed ones do
_LABEL_LINE = re.compile(
    rf"^\s*(?:[A-ZÄÖÜ][a-zäöüß]{{3,}}|[A-ZÄÖÜ]{{4,}})\s+(?:{_ROMAN}|[1-6]|{_LETTER})\s*$"
)
# a chapter's number or letter before its title, on a line set apart ("3 Mehr …", "C TEILHABE")
# or before a title in capitals ("I MEHR VIELFALT IN UNSEREN TEAMS")
_BARE_LABEL = re.compile(rf"^(?:\d{{1,2}}\.?|{_LETTER}|{_ROMAN})\s+(?=[A-ZÄÖÜ])")


# a chapter counted in a series of its own: "Kapitel 2", "ZIEL 3", "Baustein 1: …", "FELD B |
# KOMPETENZ", "Arbeitsfeld drei", "– Handlungsfeld 2 der Netzwerkvereinbarung –"
_COUNT_WORDS = {"eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6}
_WORD_COUNT = re.compile(
    rf"^[\s–—•·-]*(?P<word>[A-ZÄÖÜ][A-Za-zäöüßÄÖÜ]{{2,}})\s+"
    rf"(?P<count>[1-6]|{_ROMAN}|[A-F]|(?i:eins|zwei|drei|vier|fünf|sechs))(?![\w.,/])(?P<rest>.*)$"
)
# "Zweites Handlungsfeld: …", "Dritter Leitsatz"
_ORDINALS = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6}
_ORDINAL_WORD = re.compile(
    r"^[\s–—•·-]*(?P<count>(?i:erst|zweit|dritt|viert|fünft|sechst))e[srn]?\s+"
    r"(?P<word>[A-ZÄÖÜ][a-zäöüß]{2,})(?P<rest>.*)$"
)
# a number and a mark: "01 — VIELFALT IM PERSONAL", "2 / 6   DAZULERNEN", "[ 3 | Te ]  Teilhabe
# ermöglichen", "4  Messen, dokumentieren, darüber reden"
_NUMBER_MARK = re.compile(
    r"^\s*(?:\[\s*)?0?(?P<count>[1-6])(?P<mark>\s*/\s*[1-9]|\s*[—–|]|\s*\|[^\]]*\]|\s{2,})"
    r"\s*(?P<rest>[A-ZÄÖÜ„\"].*)$"
)
# a field's own word without a count before its title: "Handlungsfeld: Zugang", "Themenfeld
# Personal und Nachwuchs", "Handlungsfelder › Vernetzung und Synergien"
_FIELD_WORD = re.compile(r"^[\s–—•·-]*(?P<word>[A-ZÄÖÜ][a-zäöü]*(?i:feld)(?i:er)?)\b(?P<rest>.*)$")
_SERIES_MIN = 3  # chapters a series of an unknown label counts at least (a known one: two)
_SERIES_GAP = 8  # lines at least between two chapters of a series (closer: a list, contents)


@dataclass(frozen=True)
class Category:
    id: int
    name: str
    short: str
    headings: tuple[re.Pattern[str], ...]
    # words that name the field in a numbered chapter title worded otherwise ("II.
    # Interkulturelle Kompetenz durch Fortbildung")
    keywords: re.Pattern[str] | None = None


class Marker(NamedTuple):
    """A line naming a field of action: its first and last line, the field, and whether a
    label ("Handlungsfeld C", "Kapitel 2", "II.") stands before the title."""

    line: int
    last: int
    category: int
    labelled: bool


@dataclass(frozen=True)
class Chapter:
    """One field of action in a brochure; lines are 0-based, ``end`` inclusive. A brochure
    that sorts its reports by no field is one chapter of no field (``category`` None)."""

    category: int | None
    title: int
    body_start: int
    end: int
    heading: tuple[int, int]  # the title's own first and last line


@lru_cache(maxsize=4)
def load_categories(path: Path = CATEGORIES_FILE) -> tuple[Category, ...]:
    """The fields of action with their heading patterns, validated."""
    try:
        raw = read_yaml(path)
        categories = tuple(
            Category(
                id=int(item["id"]),
                name=str(item["name"]),
                short=str(item.get("short", item["name"])),
                headings=tuple(re.compile(p, re.IGNORECASE) for p in item["headings"]),
                keywords=re.compile(item["keywords"], re.IGNORECASE)
                if item.get("keywords")
                else None,
            )
            for item in raw
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise InputError(str(path), f"invalid categories file: {exc}") from exc
    if not categories or len({c.id for c in categories}) != len(categories):
        raise InputError(str(path), "categories must be a non-empty list with unique ids")
    return categories


@lru_cache(maxsize=4)
def _chapter_label(path: Path = CHAPTER_LABELS_FILE) -> re.Pattern[str]:
    """A chapter's label before its title: "Kapitel 3 |", "Handlungsfeld 2:", a Roman
    numeral ("II.", "Kapitel IV"), a letter ("Handlungsfeld B"); the title may follow on
    the next line."""
    alternatives = word_alternatives(path)
    number = rf"(?:\d+|(?-i:[IVX]{{1,5}}|{_LETTER})\b)"
    return re.compile(
        rf"^\s*(?:(?:{alternatives})\s+{number}|(?-i:[IVX]{{1,5}})\.(?!\s*(?-i:[a-zäöüß])))"
        rf"\s*[|:.–—-]?\s*(?=\S|$)",
        re.IGNORECASE,
    )


def _counted_field(line: str) -> int | None:
    """The field a chapter's label counts to, for a title worded without the field's
    words: its letter or Roman numeral ("C" and "III" the third), the number of a
    "Handlungsfeld", or a number alone before a title in capitals.

    >>> _counted_field("Handlungsfeld D"), _counted_field("B   INTERKULTURELLE KOMPETENZ STÄRKEN")
    (4, 2)
    >>> _counted_field("HANDLUNGSFELD IV"), _counted_field("II WISSEN WEITERGEBEN")
    (4, 2)
    >>> _counted_field("2   KOMPETENZEN STÄRKEN"), _counted_field("HANDLUNGSFELD 6")
    (2, 6)
    >>> _counted_field("2 Kompetenzen stärken"), _counted_field("Kapitel 3 | Teilhabe")
    (None, None)
    """
    if (numbered := _NUMBERED.match(line)) and _capitals(line):
        return int(numbered["number"])
    if numbered := _FIELD_NUMBER.match(line):
        return int(numbered["number"])
    match = _LETTERED.match(line)
    if match is None:
        return None
    if match["roman"]:
        return _ROMAN_VALUE[match["roman"]]
    return ord(match["letter"]) - ord("A") + 1 if match["letter"] <= "F" else None


def without_chapter_label(line: str) -> str:
    """A heading line without its chapter label.

    >>> without_chapter_label("Kapitel 3 | Chancengerechtigkeit und Teilhabe")
    'Chancengerechtigkeit und Teilhabe'
    >>> without_chapter_label("II. FORTBILDUNG UND INTERKULTURELLE KOMPETENZ")
    'FORTBILDUNG UND INTERKULTURELLE KOMPETENZ'
    >>> without_chapter_label("Teilhabe am Arbeitsmarkt")
    'Teilhabe am Arbeitsmarkt'
    >>> without_chapter_label("V. anbieten.")  # the end of "e. V." broken over a line
    'V. anbieten.'
    """
    return _chapter_label().sub("", line, count=1)


def page_starts(text: CleanText) -> list[bool]:
    """Which lines open a page: from PDF page numbers, form feeds or a page-start marker.

    Some text extractions mark every new page by one leading space on its first line;
    that marker counts only where it is rare, so indented text is not mistaken for it.
    Without any of these, the text after a running header, footer or page number opens
    a page.
    """
    starts = _marked_pages(text)
    if starts is not None:
        return starts
    starts = [False] * len(text.lines)
    for i in range(1, len(starts)):  # a page ends where its header or footer stands
        if text.noise[i - 1] and not text.noise[i]:
            # the page's first line may be the end of a word broken over the footer,
            # joined onto the line above: the page opens with the line after it
            j = next((k for k in range(i, len(starts)) if text.lines[k] or not _joined(text, k)), i)
            if text.lines[j]:
                starts[j] = True
    return starts


def _joined(text: CleanText, i: int) -> bool:
    """Whether cleaning emptied line ``i`` by joining its words onto the line above."""
    return not text.lines[i] and bool(text.source.lines[i].strip())


def _marked_pages(text: CleanText) -> list[bool] | None:
    """Page starts the source marks itself, or None if it marks none."""
    src = text.source
    starts = [False] * len(src.lines)
    if any(p is not None for p in src.pages):
        for i in range(1, len(src.pages)):
            starts[i] = src.pages[i] != src.pages[i - 1]
        return starts
    marked = [i for i, line in enumerate(src.lines) if "\f" in line]
    if not marked:
        marked = [i for i, line in enumerate(src.lines) if line[:1] == " " and line[1:2].strip()]
        filled = sum(1 for line in src.lines if line.strip())
        if len(marked) < 3 or len(marked) * 10 > filled:
            return None
    for i in marked:
        starts[i] = True
    return starts


def find_chapters(text: CleanText) -> list[Chapter]:
    """The chapters (fields of action) of a brochure, in document order; [] if none."""
    categories = load_categories()
    markers = _category_markers(text, categories)
    marked = {m.line for m in markers}
    markers += [m for m in _series_markers(text, categories) if m.line not in marked]
    markers = _drop_overviews(sorted(markers))
    labelled = [m for m in markers if m.labelled]
    # chapters the brochure labels ("Handlungsfeld C") may come in its own order; titles
    # found by their words alone must rise with the fields, or they are sub-headings
    if len(labelled) >= _MIN_CHAPTERS:
        chosen = _with_counted_titles(labelled, _counted_titles(text, categories))
    else:
        chosen = _longest_rising(markers)
    if len({m.category for m in chosen}) < _MIN_CHAPTERS:
        chosen = _contents_markers(text, categories)
    starts: dict[int, tuple[int, int]] = {}
    for line, last, category, _ in chosen:
        starts.setdefault(category, (line, last))
    if len(starts) < _MIN_CHAPTERS:
        return []
    pages = page_starts(text)
    explicit = _marked_pages(text) is not None
    inline = _titles_inline(text, pages, list(starts.values()))
    opened: list[tuple[int, int, int, int]] = []  # start, title's first and last line, field
    previous = -1  # the last line of the title above
    for category, (line, last) in sorted(starts.items(), key=lambda s: s[1]):
        start = line if inline else _chapter_start(text, pages, explicit, line)
        # a page that would open above the title before it was misread (two titles on one
        # page, or page marks that are something else): the chapter opens at its title
        opened.append((line if start <= previous else start, line, last, category))
        previous = last
    chapters = []
    for n, (start, line, last, category) in enumerate(opened):
        end = opened[n + 1][0] - 1 if n + 1 < len(opened) else back_matter_start(text, last) - 1
        body = (
            last + 1
            if inline
            else _body_start(text, pages, explicit, (category, start, line, last, end))
        )
        chapters.append(Chapter(category, start, body, end, heading=(line, last)))
    return chapters


def running_chapter_labels(text: CleanText, chapters: list[Chapter]) -> frozenset[int]:
    """Lines inside a chapter that repeat its label with its title ("Handlungsfeld 2 ·
    Interkulturelle Kompetenz" at the top of each of its pages): a running header, though
    it changes from chapter to chapter and so does not recur as the cleaner's headers do."""
    markers = _drop_overviews(_category_markers(text, load_categories()))
    return frozenset(
        m.line
        for ch in chapters
        for m in markers
        if m.labelled
        and m.line == m.last
        and m.category == ch.category
        and ch.heading[1] < m.line <= ch.end
    )


@lru_cache(maxsize=4)
def _back_matter_pattern(path: Path = BACK_MATTER_FILE) -> re.Pattern[str]:
    return re.compile(rf"^(?:{word_alternatives(path)}):?$", re.IGNORECASE)


def back_matter_start(text: CleanText, after: int) -> int:
    """The first line after line ``after`` that titles a brochure's closing part
    ("Impressum", "Bildnachweis"), or the text's end: the last report ends above it.

    >>> from loaders.models import SourceText
    >>> lines = ("Stadt A", "Wir berichten.", "IMPRESSUM", "Herausgeber: Kreis B")
    >>> text = CleanText(SourceText("x", "x", lines, (None,) * 4, ""), lines, (False,) * 4)
    >>> back_matter_start(text, 0), back_matter_start(text, 2)
    (2, 4)
    """
    pattern = _back_matter_pattern()
    return next(
        (i for i in range(after + 1, len(text.lines)) if pattern.match(text.lines[i])),
        len(text.lines),
    )


def _titles_inline(text: CleanText, pages: list[bool], titles: list[tuple[int, int]]) -> bool:
    """Whether chapter titles stand inside running text, with text above and below them on
    their page: chapters then follow one another on a page, and each starts at its title.
    A brochure that opens every chapter on a new page has its titles at the page's top (or,
    extracted, at its end; or repeated as the running header) and starts the chapter with
    the page."""
    inside = 0
    for line, last in titles:
        page = next((i for i in range(line, -1, -1) if pages[i]), 0)  # the text starts a page
        following = next((i for i in range(last + 1, len(pages)) if pages[i]), len(pages))
        alone = not text.noise[line]  # a running header's title opens no inline chapter
        if alone and filled_lines(text, page, line) and filled_lines(text, last + 1, following):
            inside += 1
    return inside * 2 > len(titles)


def filled_lines(text: CleanText, lo: int, hi: int) -> list[int]:
    """The lines from ``lo`` up to ``hi`` that hold text (no empty line, no running header)."""
    return [i for i in range(lo, hi) if text.lines[i] and not text.noise[i]]


def _category_markers(text: CleanText, categories: tuple[Category, ...]) -> list[Marker]:
    """Lines (alone or joined with the next one) that name a field of action."""
    lines = text.lines  # spaced capitals read as words already (clean.repair.unspaced)
    markers: list[Marker] = []
    titles = _title_pattern(categories)
    for i, full in enumerate(lines):
        if not full or len(full) > 140 or full.count(" ") > 14 or _is_toc(full):
            continue
        line, first = without_chapter_label(full), i
        # "Handlungsfeld 2" over its title; "Grußwort 2" is a line of the contents, no label
        if (
            line == full
            and not text.noise[i]
            and _LABEL_LINE.match(full)
            and not _front_matter(full)
        ):
            line = ""  # the title follows
        labelled = line != full
        if not line and (below := _next_filled(lines, i, 2)) is not None:
            line, first = lines[below], below  # "Handlungsfeld A" above its title
        if line == full and (_stands_alone(lines, i) or _capitals(full)):
            line = _BARE_LABEL.sub("", full, count=1)  # "3 Mehr Beschäftigte mit …"
        key = line.strip(_EDGE_CHARS)
        j = _next_filled(lines, first, 2)
        options = [(key, first)]
        if j is not None and len(lines[j]) <= 100 and not _is_toc(lines[j]):
            options.append((f"{line.lstrip(_EDGE_CHARS)} {lines[j].rstrip(_EDGE_CHARS)}", j))
        for candidate, last in options:
            # titles match case-insensitively, so only unusual spacing needs the full key
            if "  " in candidate or not candidate.isascii() and not candidate.isprintable():
                candidate = heading_key(candidate)
            match = titles.match(candidate.strip())
            if match and (text.noise[i] or _opens_line(text, i)):
                found = next(name for name, value in match.groupdict().items() if value)
                markers.append(Marker(i, last, int(found[1:]), labelled))
                break
        else:
            if (
                line != full
                and not _front_matter(line)
                and (field := _named_field(categories, line) or _counted_field(full)) is not None
            ):
                # a label over a name in a legal form ("HANDLUNGSFELD 2" over "… e. V.") is
                # the title alone: the name opens the chapter's first report
                last = i if first != i and _legal_form(line) else first
                markers.append(Marker(i, last, field, labelled))  # a title in other words
    return markers


def _legal_form(line: str) -> bool:
    """Whether a line holds a legal form: an organisation's name, no chapter's title."""
    # the heading reader builds on the chapters
    from loaders.sections.headings import LEGAL_FORM

    return bool(LEGAL_FORM.search(line))


class _Member(NamedTuple):
    """A line of a chapter series: the title's last line, its field, and whether the title
    names the field its count says (or, with a field's word and no count, names one)."""

    line: int
    last: int
    field: int
    agrees: bool


def _series_markers(text: CleanText, categories: tuple[Category, ...]) -> list[Marker]:
    """Chapter titles a brochure counts in a series of its own ("Kapitel 1" … "Kapitel 5",
    "Baustein 1: …", "Zweites Handlungsfeld: …", "01 — …", "1 / 6 …", "Themenfeld …").

    A series is lines of one form (its word, or its number's mark), each count once, rising
    through the text and spread over it: a list's or the contents' entries stand close
    together and are left out. A title that names a field's words is that field; else the
    count is the field (a brochure that counts its chapters counts the fields), so one title
    at least must name the field it counts. The fields must rise too, and a title is no
    organisation's name ("Kartenpunkt 1" over a partner's). Words that count other things
    (``counted_things.yaml``: "Seite", "Abbildung", "TOP") count no chapters.
    A series of an unknown word counts three chapters at least; a word that labels chapters
    (``chapter_labels.yaml``) or names a field ("…feld") two.
    """
    known = re.compile(rf"^(?:{word_alternatives(CHAPTER_LABELS_FILE)})$", re.IGNORECASE)
    other = re.compile(rf"^(?:{word_alternatives(COUNTED_THINGS_FILE)})$", re.IGNORECASE)
    series: dict[str, list[_Member]] = {}
    for i, line in enumerate(text.lines):
        if not line or len(line) > 100 or _is_toc(line):
            continue
        found = _series_member(line)
        if found is None or other.match(found[0]) or found[0].startswith("#") and text.noise[i]:
            continue  # a page's, a figure's count; a page number beside a running title
        if (member := _titled_member(text, categories, i, *found[1:])) is not None:
            series.setdefault(found[0], []).append(member)
    markers: list[Marker] = []
    for form, members in series.items():
        spread = [
            m
            for k, m in enumerate(members)
            if all(
                abs(m.line - o.line) >= _SERIES_GAP
                for o in members[max(0, k - 1) : k + 2]
                if o != m
            )
        ]
        fields = [m.field for m in spread]
        least = (
            _MIN_CHAPTERS if known.match(form) or _FIELD_WORD.match(form.title()) else _SERIES_MIN
        )
        if (
            len(spread) >= least
            and any(m.agrees for m in spread)
            and all(a < b for a, b in zip(fields, fields[1:], strict=False))
        ):
            markers.extend(Marker(m.line, m.last, m.field, True) for m in spread)
    return markers


def _titled_member(
    text: CleanText, categories: tuple[Category, ...], i: int, count: int | None, rest: str
) -> _Member | None:
    """Line ``i`` as a series' chapter: its title is the rest of the line or the line below
    (with a subtitle below that, if only the two name a field); None where the title is
    front matter or an organisation's name, or a field's word has a title naming no field."""
    # the heading reader builds on the chapters
    from loaders.sections.headings import org_like

    lines = text.lines
    title, last = rest.strip(_EDGE_CHARS + ":›»·"), i
    if not title and (below := _next_filled(lines, i, 2)) is not None:
        title, last = lines[below], below
    if not title or _front_matter(title):
        return None
    field = _named_field(categories, title)
    if field is None and (j := _next_filled(lines, last, 2)) is not None and len(lines[j]) <= 100:
        if (field := _named_field(categories, f"{title} {lines[j]}")) is not None:
            last = j
    if field is None and (count is None or org_like(title) and len(title.split()) <= 6):
        return None  # no field named; or an organisation's name, counted as partners are
    if _legal_form(title):
        return None
    counted = field if field is not None else count
    assert counted is not None
    return _Member(i, last, counted, count in (None, field))


def _series_member(line: str) -> tuple[str, int | None, str] | None:
    """A line's chapter form, count (None for a field's word alone) and the rest of it.

    >>> _series_member("Baustein 1: Mehrsprachige Teams")
    ('baustein', 1, ': Mehrsprachige Teams')
    >>> _series_member("Arbeitsfeld drei"), _series_member("Zweites Handlungsfeld: Qualifizierung")
    (('arbeitsfeld', 3, ''), ('handlungsfeld', 2, ': Qualifizierung'))
    >>> _series_member("2 / 6   DAZULERNEN"), _series_member("Handlungsfelder › Vernetzung")
    (('#/6', 2, 'DAZULERNEN'), ('handlungsfelder', None, ' › Vernetzung'))
    >>> _series_member("Beitrag 1.1: Jobcenter"), _series_member("Die Stadt hat 3 Ämter")
    (None, None)
    """
    if match := _WORD_COUNT.match(line):
        raw = match["count"]
        count = (
            int(raw)
            if raw.isdigit()
            else _ROMAN_VALUE.get(raw) or _COUNT_WORDS.get(raw.lower()) or ord(raw) - ord("A") + 1
        )
        return match["word"].lower(), count, match["rest"]
    if match := _ORDINAL_WORD.match(line):
        return match["word"].lower(), _ORDINALS[match["count"].lower()], match["rest"]
    if match := _NUMBER_MARK.match(line):
        mark = re.sub(r"\s+", "", match["mark"]) or "  "
        return "#" + re.sub(r"\|.*\]", "|]", mark), int(match["count"]), match["rest"]
    if match := _FIELD_WORD.match(line):
        return match["word"].lower(), None, match["rest"]
    return None


def _contents_markers(text: CleanText, categories: tuple[Category, ...]) -> list[Marker]:
    """Chapters a table of contents lists, at the line below it that repeats their title.

    A brochure may title its chapters by a theme of its own ("Wissen und Wirkung") and
    number them nowhere. Its table of contents still says which lines are chapter titles,
    and in what order the fields come. Where every title that names a field's words
    (``keywords`` of ``categories.yaml``) stands at that field's place in the list, and two
    titles at least do, each title is the field of its place. Any other contents are a
    report's own ("1. Ausgangslage", "2. Koordinierungsstelle Migration und Teilhabe").

    Entries that open no field (``front_matter.yaml``: "Vorwort", "Impressum") are left out.
    """
    lines = text.lines
    entries = [i for i, line in enumerate(lines) if _is_toc(line)]
    if len(entries) < _MIN_CHAPTERS:
        return []
    titles = [_TOC.sub("", lines[i]).strip(_EDGE_CHARS) for i in entries]
    listed = [t for t in titles if t and not _front_matter(t)]
    named = [_named_field(categories, title) for title in listed]
    known = [(rank, field) for rank, field in enumerate(named, 1) if field is not None]
    if (
        len(known) < _MIN_CHAPTERS
        or len(listed) > len(categories)
        or any(rank != field for rank, field in known)
    ):
        return []  # a report's own contents, not the fields in their order
    markers: list[Marker] = []
    after = entries[-1] + 1
    for rank, title in enumerate(listed, 1):
        key = heading_key(title)
        line = next((i for i in range(after, len(lines)) if heading_key(lines[i]) == key), None)
        if line is not None:
            markers.append(Marker(line, line, rank, False))
            after = line + 1
    return markers


def _stands_alone(lines: tuple[str, ...], i: int) -> bool:
    """A line with an empty line above and below it: how a title is set apart."""
    return (i == 0 or not lines[i - 1]) and i + 1 < len(lines) and not lines[i + 1]


@lru_cache(maxsize=4)
def _front_matter_pattern(path: Path = FRONT_MATTER_FILE) -> re.Pattern[str]:
    alternatives = word_alternatives(path)
    return re.compile(rf"^\W*(?:{alternatives})\b", re.IGNORECASE)


def part_title(name: str) -> bool:
    """Whether a line names only a part of the brochure itself ("Inhalt", "## Impressum",
    "Grußwort"): no partner is called so, whatever its line looks like.

    >>> part_title("## Impressum"), part_title("Inhalt"), part_title("Stadt Kontaktstadt")
    (True, True, False)
    """
    bare = name.strip("#*|: \t")
    return bool(_front_matter_pattern().fullmatch(bare) or _back_matter_pattern().match(bare))


def _front_matter(title: str) -> bool:
    """Whether a numbered title opens a part that reports no field ("I. EINLEITUNG").

    >>> _front_matter("EINLEITUNG"), _front_matter("Vielfalt im eigenen Team")
    (True, False)
    """
    return bool(_front_matter_pattern().match(title))


_LIST_GAP = 2  # lines between two entries of a list of the fields


def _counted_titles(text: CleanText, categories: tuple[Category, ...]) -> list[Marker]:
    """Lines that give a field's number and title, where they agree ("4 Evaluation, …"),
    but not the lines of a list of the fields (each next to another)."""
    found = {
        i: field
        for i, line in enumerate(text.lines)
        if (field := _counted_title(categories, line)) is not None and _opens_line(text, i)
    }
    return [
        Marker(i, i, field, True)
        for i, field in found.items()
        if not any(0 < abs(i - j) <= _LIST_GAP for j in found)
    ]


def _with_counted_titles(labelled: list[Marker], counted: list[Marker]) -> list[Marker]:
    """The labelled chapters, and a counted title for a field they lack where it stands in
    the fields' order between them: a brochure that labels its chapters ("Handlungsfeld 3
    | …") may set one as "4 Evaluation, …" instead. A field's number and title repeated
    over each of its reports are the reports' labels, and no chapter opens at them."""
    fields = {m.category for m in labelled}
    times = Counter(m.category for m in counted)
    out = list(labelled)
    for m in counted:
        if m.category in fields or times[m.category] > 1:
            continue
        before = [c.category for c in labelled if c.line < m.line]
        after = [c.category for c in labelled if c.line > m.line]
        if before and max(before) < m.category and (not after or min(after) > m.category):
            out.append(m)
    return sorted(out)


def _counted_title(categories: tuple[Category, ...], line: str) -> int | None:
    """The field a line counts and names, where its number and its title agree, though it
    is set in no line of its own ("4 Evaluation, Dokumentation und Kommunikation" between
    two reports); else None.

    >>> fields = load_categories()
    >>> _counted_title(fields, "2 Fortbildung / Stärkung der interkulturellen Kompetenz")
    2
    >>> _counted_title(fields, "3 Fortbildungen für Beschäftigte") is None
    True
    """
    numbered = _NUMBERED.match(line)
    if numbered is None or line.rstrip()[-1:].isdigit():
        return None  # (a contents line ends with its page)
    title = line[numbered.end() :].strip(_EDGE_CHARS)
    match = _title_pattern(categories).match(title)
    field = (
        next(int(name[1:]) for name, value in match.groupdict().items() if value)
        if match
        else _named_field(categories, title)
    )
    return field if field == int(numbered["number"]) else None


def _capitals(line: str) -> bool:
    """A line in capitals, as chapter titles are set ("I MEHR VIELFALT IN UNSEREN TEAMS")."""
    return sum(c.isalpha() for c in line) >= 8 and line.isupper()


def _named_field(categories: tuple[Category, ...], title: str) -> int | None:
    """The field whose words a numbered chapter title holds most often, else None."""
    hits = Counter(
        {c.id: len(c.keywords.findall(title)) for c in categories if c.keywords is not None}
    ).most_common(2)
    if not hits or not hits[0][1] or len(hits) > 1 and hits[1][1] == hits[0][1]:
        return None
    return hits[0][0]


@lru_cache(maxsize=4)
def _title_pattern(categories: tuple[Category, ...]) -> re.Pattern[str]:
    """All title patterns in one expression; the named group tells the field."""
    parts = (f"(?P<c{c.id}>{'|'.join(f'(?:{p.pattern})' for p in c.headings)})" for c in categories)
    return re.compile("|".join(parts), re.IGNORECASE)


def heading_key(line: str) -> str:
    """A heading without case, extra spaces and page or chapter numbers at its edges."""
    return " ".join(line.strip(_EDGE_CHARS).lower().split())


def _is_toc(line: str) -> bool:
    """A table-of-contents entry: a title followed by its page ("... Seite 14")."""
    return line[-1:].isdigit() and bool(_TOC.search(line))


def _opens_line(text: CleanText, i: int) -> bool:
    """Whether line ``i`` starts something new rather than continuing a sentence."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if text.lines[j] and not text.noise[j]:
            return not continues_sentence(text.lines[j])
    return True


def _drop_overviews(markers: list[Marker]) -> list[Marker]:
    """Remove tables of contents: runs of close markers that name three or more fields. A
    labelled title right after contents of unlabelled entries ("Handlungsfeld 1" a few
    lines below "6 Weitere Maßnahmen 14") opens the first chapter: it stays, and its
    title's own line, found again without the label, is no marker of its own."""
    keep: list[Marker] = []
    run: list[Marker] = []
    titled = [m for k, m in enumerate(markers) if not k or not _inside(markers[k - 1], m)]
    for marker in [*titled, Marker(1 << 30, 0, 0, False)]:
        if run and marker.line - run[-1].line > 12:
            if len({m.category for m in run}) < 3:
                keep.extend(run)
            elif run[-1].labelled and not any(m.labelled for m in run[:-1]):
                keep.append(run[-1])
            run = []
        run.append(marker)
    return keep


def _inside(title: Marker, marker: Marker) -> bool:
    """Whether a marker is a line of a labelled title found before it ("HANDLUNGSFELD 1"
    over "Erhöhung des Anteils …" is one title)."""
    return title.labelled and title.line < marker.line <= title.last


def _longest_rising(markers: list[Marker]) -> list[Marker]:
    """The longest run of markers whose field numbers never decrease (stray ones dropped)."""
    if not markers:
        return []
    best = [1] * len(markers)
    back = [-1] * len(markers)
    for k in range(len(markers)):
        for m in range(k):
            if markers[m].category <= markers[k].category and best[m] + 1 > best[k]:
                best[k], back[k] = best[m] + 1, m
    k = max(range(len(markers)), key=lambda x: (best[x], -x))
    chosen = []
    while k != -1:
        chosen.append(markers[k])
        k = back[k]
    return chosen[::-1]


def _chapter_start(text: CleanText, pages: list[bool], explicit: bool, line: int) -> int:
    """A chapter opens with the page that holds its title.

    Where pages are only guessed from running headers, a title that reads like the running
    header stands at the top of its page.
    """
    if not explicit and text.noise[line]:
        return line
    return _page_of(pages, line)


def _page_of(pages: list[bool], line: int) -> int:
    """First line of the page that holds ``line`` (the line itself without page marks)."""
    for i in range(line, max(-1, line - 200), -1):
        if pages[i]:
            return i
    return line


def _body_start(
    text: CleanText, pages: list[bool], explicit: bool, chapter: tuple[int, int, int, int, int]
) -> int:
    """First line after a chapter's introduction.

    A title that opens its page is followed by the introduction up to the next page (or,
    where pages are only guessed, up to the chapter's number printed below it); a title
    printed at the top but extracted at the end of its page closes the introduction.
    """
    category, start, line, last, end = chapter
    if any(text.lines[i] and not text.noise[i] for i in range(start, line)):
        return last + 1
    after = range(last + 1, min(end, last + 400) + 1)
    page = next((i for i in after if pages[i]), None)
    number = next((i + 1 for i in after if text.lines[i] == str(category)), None)
    for found in (page, number) if explicit else (number, page):
        if found is not None:
            return found
    return last + 1


def _next_filled(lines: tuple[str, ...] | list[str], i: int, reach: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 1 + reach)):
        if lines[j]:
            return j
    return None
