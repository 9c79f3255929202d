"""Split a partner brochure into blocks: one partner's report for one field of action.

A brochure of the partner network is organised in chapters, one per field of action
(``loaders/reference/categories.yaml``); inside a chapter each partner's report is marked
by a heading that is just the organisation's name. Layout decides where that heading sits:
text extracted from a PDF often puts it *after* the text it belongs to (it stood in the
page header), sometimes before. So this stage works from layout cues, not positions:

1. chapters (:func:`find_chapters`): heading-like lines naming a field of action, kept in
   increasing order, so a table of contents or a stray sub-heading opens no chapter;
2. partner headings (:func:`find_partner_headings`): short stand-alone lines shaped like an
   organisation's name;
3. placement: if chapters end on a heading and start with unheaded text, headings trail
   their text, and a page without a heading continues the partner of the page before.

Documents without that chapter structure (flyers, single reports, event documentation)
have no blocks: the result is ``()``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from loaders.errors import InputError
from loaders.models import Block, CleanText

__all__ = [
    "Category",
    "Chapter",
    "load_categories",
    "page_starts",
    "find_chapters",
    "find_partner_headings",
    "split_sections",
]

log = logging.getLogger(__name__)

CATEGORIES_FILE = Path(__file__).with_name("reference") / "categories.yaml"
_MIN_CHAPTERS = 3  # fewer fields of action than this: not a partner brochure
_TOC = re.compile(r"(seite|s\.)\s*\d+\s*$|\.{4,}\s*\d+\s*$", re.IGNORECASE)
_CONTINUES = re.compile(r"([,;-]|\b(der|die|das|des|den|dem|und|oder|für|von|mit|zur|zum))$")
_EDGE_NUMBERS = re.compile(r"^[\d\s.|–—-]+|[\d\s.|–—-]+$")


@dataclass(frozen=True)
class Category:
    id: int
    name: str
    short: str
    headings: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Chapter:
    """One field of action in a brochure; lines are 0-based, ``end`` inclusive."""

    category: int
    title: int
    body_start: int
    end: int


@lru_cache(maxsize=4)
def load_categories(path: Path = CATEGORIES_FILE) -> tuple[Category, ...]:
    """The fields of action with their heading patterns, validated."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        categories = tuple(
            Category(
                id=int(item["id"]),
                name=str(item["name"]),
                short=str(item.get("short", item["name"])),
                headings=tuple(re.compile(p, re.IGNORECASE) for p in item["headings"]),
            )
            for item in raw
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as exc:
        raise InputError(str(path), f"invalid categories file: {exc}") from exc
    if not categories or len({c.id for c in categories}) != len(categories):
        raise InputError(str(path), "categories must be a non-empty list with unique ids")
    return categories


def page_starts(text: CleanText) -> list[bool]:
    """Which lines open a page: from PDF page numbers, form feeds or a page-start marker.

    Some text extractions mark every new page by one leading space on its first line;
    that marker counts only where it is rare, so indented text is not mistaken for it.
    """
    src = text.source
    starts = [False] * len(src.lines)
    if any(p is not None for p in src.pages):
        for i in range(1, len(src.pages)):
            starts[i] = src.pages[i] != src.pages[i - 1]
        return starts
    feeds = [i for i, line in enumerate(src.lines) if "\f" in line]
    if feeds:
        for i in feeds:
            starts[i] = True
        return starts
    marked = [i for i, line in enumerate(src.lines) if re.match(r" \S", line)]
    filled = sum(1 for line in src.lines if line.strip())
    if len(marked) >= 3 and len(marked) * 10 <= filled:
        for i in marked:
            starts[i] = True
    return starts


def find_chapters(text: CleanText) -> list[Chapter]:
    """The chapters (fields of action) of a brochure, in document order; [] if none."""
    categories = load_categories()
    markers = _category_markers(text, categories)
    markers = _drop_overviews(markers)
    chosen = _longest_rising(markers)
    starts: dict[int, tuple[int, int]] = {}
    for line, last, category in chosen:
        starts.setdefault(category, (line, last))
    if len(starts) < _MIN_CHAPTERS:
        return []
    pages = page_starts(text)
    opened = sorted(
        (_page_of(pages, line), line, last, category) for category, (line, last) in starts.items()
    )
    chapters = []
    for n, (start, line, last, category) in enumerate(opened):
        end = opened[n + 1][0] - 1 if n + 1 < len(opened) else len(text.lines) - 1
        body = _body_start(text, pages, category, start, line, last, end)
        chapters.append(Chapter(category=category, title=start, body_start=body, end=end))
    return chapters


def _category_markers(
    text: CleanText, categories: tuple[Category, ...]
) -> list[tuple[int, int, int]]:
    """Lines (alone or joined with the next one) that name a field of action."""
    lines, markers = text.lines, []
    for i, line in enumerate(lines):
        if not line or len(line) > 140 or _TOC.search(line):
            continue
        j = _next_filled(lines, i, 2)
        if not text.noise[i] and not _opens_line(text, i):
            continue
        options = [(_heading_key(line), i)]
        if j is not None and len(lines[j]) <= 100 and not _TOC.search(lines[j]):
            options.append((_heading_key(f"{line} {lines[j]}"), j))
        for candidate, last in options:
            found = [c.id for c in categories if any(p.search(candidate) for p in c.headings)]
            if found:
                markers.append((i, last, found[0]))
                break
    return markers


def _heading_key(line: str) -> str:
    return " ".join(_EDGE_NUMBERS.sub("", line).lower().split())


def _opens_line(text: CleanText, i: int) -> bool:
    """Whether line ``i`` starts something new rather than continuing a sentence."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if text.lines[j] and not text.noise[j]:
            return not _CONTINUES.search(text.lines[j])
    return True


def _drop_overviews(markers: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Remove tables of contents: runs of close markers that name three or more fields."""
    keep: list[tuple[int, int, int]] = []
    run: list[tuple[int, int, int]] = []
    for marker in [*markers, (1 << 30, 0, 0)]:
        if run and marker[0] - run[-1][0] > 12:
            if len({category for _, _, category in run}) < 3:
                keep.extend(run)
            run = []
        run.append(marker)
    return keep


def _longest_rising(markers: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest run of markers whose field numbers never decrease (stray ones dropped)."""
    if not markers:
        return []
    best = [1] * len(markers)
    back = [-1] * len(markers)
    for k in range(len(markers)):
        for m in range(k):
            if markers[m][2] <= markers[k][2] and best[m] + 1 > best[k]:
                best[k], back[k] = best[m] + 1, m
    k = max(range(len(markers)), key=lambda x: (best[x], -x))
    chosen = []
    while k != -1:
        chosen.append(markers[k])
        k = back[k]
    return chosen[::-1]


def _page_of(pages: list[bool], line: int) -> int:
    """First line of the page that holds ``line`` (the line itself without page marks)."""
    for i in range(line, max(-1, line - 200), -1):
        if pages[i]:
            return i
    return line


def _body_start(
    text: CleanText, pages: list[bool], category: int, start: int, line: int, last: int, end: int
) -> int:
    """First line after a chapter's introduction.

    A title that opens its page is followed by the introduction up to the next page; a
    title printed at the top but extracted at the end of its page closes the introduction.
    """
    if any(text.lines[i] and not text.noise[i] for i in range(start, line)):
        return last + 1
    limit = min(end, last + 400)
    for i in range(last + 1, limit + 1):
        if pages[i]:
            return i
    for i in range(last + 1, limit + 1):
        if text.lines[i] == str(category):
            return i + 1
    return last + 1


def _next_filled(lines: tuple[str, ...] | list[str], i: int, reach: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 1 + reach)):
        if lines[j]:
            return j
    return None


_FUNCTION_WORDS = frozenset(
    "der die das des den dem für in im von vom und zu zur zum an am auf bei aus mit "
    "e. v. e.v. & / - –".split()
)
_LEGAL_FORM = re.compile(r"\b(e\.\s?V\.|g?GmbH|mbH|g?AG|KG|eG|AöR|KdöR)(?=\s|$)")
_ORG_ENDINGS = (
    "stadt", "kreis", "gemeinde", "regierung", "ministerium", "amt", "center", "agentur",
    "polizei", "präsidium", "verband", "verbund", "verein", "stiftung", "kammer", "kammertag",
    "städtetag", "landtag", "ihk", "hwk", "dgb", "universität", "hochschule", "schule",
    "akademie", "rundfunk", "forum", "bund", "caritas", "diakonie", "paritätische", "awo",
    "drk", "rat", "zentrum", "institut", "klinik", "kliniken", "bahn", "sparkasse", "werk",
    "werke", "gesellschaft", "region", "unternehmer", "büro", "behörde", "netzwerk",
    "gewerkschaft", "genossenschaft", "senat", "bank", "versicherung", "gruppe",
)
_SENTENCE_BREAK = re.compile(r"[a-zäöüß]{3,}[.] [A-ZÄÖÜ]")
_NOT_A_NAME = re.compile(r"^[•·▪*>\-–—(\d]|https?:|www\.|@|\||[:!?;]|[,]$")


def _name_shaped(line: str) -> bool:
    """Short, title-cased, no sentence punctuation: how organisation names are printed."""
    if not 3 <= len(line) <= 90 or _NOT_A_NAME.search(line) or _SENTENCE_BREAK.search(line):
        return False
    words = line.split()
    if len(words) > 10 or words[-1].lower() in _FUNCTION_WORDS:
        return False
    if words[0].lower() in _FUNCTION_WORDS - {"der", "die", "das"}:
        return False  # a name does not start with a preposition
    legal = _LEGAL_FORM.search(line)
    if line.endswith(".") and not legal:
        return False
    named = words[: len(line[: legal.start()].split())] if legal else words
    for word in named:
        bare = word.strip("„“\"'()/,")
        if not bare or bare.lower() in _FUNCTION_WORDS:
            continue
        if not (bare[0].isupper() or bare[0].isdigit() or bare[0] == "#" or legal):
            return False
    if legal and line[legal.end() :].strip(" ()") and not re.fullmatch(
        r"\s*\([A-ZÄÖÜ][\w.-]*\)\s*", line[legal.end() :]
    ):
        return False  # words after the legal form: a sentence, not a name
    return sum(c.isalpha() for c in line) >= 3


def _org_like(name: str) -> bool:
    """Whether a name carries a legal form or a word that organisations are named with."""
    if _LEGAL_FORM.search(name):
        return True
    for word in re.split(r"[\s/]+", name.lower()):
        for part in word.split("-"):
            if part.endswith(_ORG_ENDINGS):
                return True
    return False


@dataclass(frozen=True)
class _Heading:
    first: int  # 0-based first and last line of the heading
    last: int
    name: str


def find_partner_headings(text: CleanText) -> list[tuple[int, str]]:
    """Partner headings as (1-based line of the heading's last line, name), in order."""
    return [(h.last + 1, h.name) for h in _partner_headings(text, page_starts(text))]


def _partner_headings(text: CleanText, pages: list[bool]) -> list[_Heading]:
    """Stand-alone organisation names; repeated ones, or ones at a page edge, are kept."""
    found = _heading_candidates(text, pages)
    counts = Counter(_heading_key(h.name) for h in found)
    kept = []
    for h in found:
        n = counts[_heading_key(h.name)]
        org = _org_like(h.name)
        if (n >= 2 and (org or n >= 3)) or (org and _at_page_edge(text, pages, h)):
            kept.append(h)
    return kept


def _heading_candidates(text: CleanText, pages: list[bool]) -> list[_Heading]:
    lines, noise = text.lines, text.noise
    found: list[_Heading] = []
    i = 0
    while i < len(lines):
        if not lines[i] or noise[i]:
            i += 1
            continue
        heading = _heading_at(text, pages, i)
        if heading is None:
            i += 1
            continue
        found.append(heading)
        i = heading.last + 1
    return found


def _heading_at(text: CleanText, pages: list[bool], i: int) -> _Heading | None:
    lines = text.lines
    line, name, last = lines[i], None, i
    j = _neighbour(text, pages, i, 1)
    if _name_shaped(line):
        name = line
    if j is not None and (name is None or lines[j][:1].islower() or lines[j].startswith("e.")):
        joined = f"{line} {lines[j]}"
        if len(lines[j].split()) <= 6 and _name_shaped(joined):
            name, last = joined, j
    if name is None:
        return None
    before = _neighbour(text, pages, i, -1)
    if before is not None and _CONTINUES.search(lines[before]):
        return None  # the line ends a sentence that started above
    after = _neighbour(text, pages, last, 1)
    if after is not None and lines[after][:1].islower():
        return None  # the sentence goes on below
    return _Heading(first=i, last=last, name=name)


def _neighbour(text: CleanText, pages: list[bool], i: int, step: int) -> int | None:
    """The next text line up or down on the same page, if no page furniture intervenes."""
    j = i + step
    while 0 <= j < len(text.lines) and abs(j - i) <= 3:
        if step > 0 and pages[j]:
            return None
        if text.noise[j]:
            return None
        if text.lines[j]:
            return None if step < 0 and pages[i] else j
        if step < 0 and pages[j]:
            return None
        j += step
    return None


def _at_page_edge(text: CleanText, pages: list[bool], h: _Heading) -> bool:
    return _neighbour(text, pages, h.first, -1) is None or _neighbour(
        text, pages, h.last, 1
    ) is None
