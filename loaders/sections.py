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
    ordered = sorted((line, last, category) for category, (line, last) in starts.items())
    pages = page_starts(text)
    chapters = []
    for n, (line, last, category) in enumerate(ordered):
        end = ordered[n + 1][0] - 1 if n + 1 < len(ordered) else len(text.lines) - 1
        body = _body_start(text, pages, category, last, end)
        chapters.append(Chapter(category=category, title=line, body_start=body, end=end))
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
            return not re.search(r"([a-zäöüß,;-]|\b(der|die|das|des|und|für|von|mit))$",
                                 text.lines[j])
    return True


def _drop_overviews(markers: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Remove tables of contents: three or more fields named within a few lines."""
    keep = []
    for line, last, category in markers:
        near = {c for other, _, c in markers if abs(other - line) <= 40}
        if len(near) < 3:
            keep.append((line, last, category))
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


def _body_start(text: CleanText, pages: list[bool], category: int, title: int, end: int) -> int:
    """First line after a chapter's introduction: the next page, or its number line."""
    limit = min(end, title + 400)
    for i in range(title + 1, limit + 1):
        if pages[i]:
            return i
    for i in range(title + 1, limit + 1):
        if text.lines[i] == str(category):
            return i + 1
    return title + 1


def _next_filled(lines: tuple[str, ...] | list[str], i: int, reach: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 1 + reach)):
        if lines[j]:
            return j
    return None
