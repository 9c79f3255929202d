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

from loaders.chapters import Category, Chapter, find_chapters, load_categories, page_starts
from loaders.headings import Heading, find_partner_headings, partner_headings
from loaders.models import Block, CleanText

__all__ = [
    "split_sections",
    "find_chapters",
    "find_partner_headings",
    "load_categories",
    "page_starts",
    "Category",
    "Chapter",
]

log = logging.getLogger(__name__)


def split_sections(text: CleanText) -> tuple[Block, ...]:
    """The partner blocks of a brochure, in document order; ``()`` for other documents."""
    chapters = find_chapters(text)
    if not chapters:
        return ()
    pages = page_starts(text)
    headings = partner_headings(text, pages)
    by_chapter = [
        [h for h in headings if ch.body_start <= h.first and h.last <= ch.end] for ch in chapters
    ]
    trailing = _headings_trail(text, chapters, by_chapter)
    owners: list[str | None] = [None] * len(text.lines)
    for chapter, inside in zip(chapters, by_chapter, strict=True):
        if inside and trailing:
            _assign_trailing(text, pages, chapter, inside, owners)
        elif inside:
            _assign_leading(chapter, inside, owners)
    blocks = _blocks(text, chapters, owners)
    log.info("%s: %d chapters, %d partner blocks", text.source.name, len(chapters), len(blocks))
    return blocks


def _content(text: CleanText, lo: int, hi: int) -> int:
    return sum(1 for i in range(lo, hi + 1) if text.lines[i] and not text.noise[i])


def _headings_trail(
    text: CleanText, chapters: list[Chapter], by_chapter: list[list[Heading]]
) -> bool:
    """Headings trail their text if chapters open with unheaded text and end on a heading."""
    before = after = 0
    for chapter, inside in zip(chapters, by_chapter, strict=True):
        if inside:
            before += _content(text, chapter.body_start, inside[0].first - 1)
            after += _content(text, inside[-1].last + 1, chapter.end)
    return before > after


def _assign_trailing(
    text: CleanText,
    pages: list[bool],
    chapter: Chapter,
    inside: list[Heading],
    owners: list[str | None],
) -> None:
    """Text up to a heading is that partner's; a page without a heading continues it."""
    current: str | None = None
    pending: list[int] = []
    for first, last in _page_ranges(pages, chapter.body_start, chapter.end):
        on_page = [h for h in inside if first <= h.last <= last]
        if not on_page:
            pending.extend(range(first, last + 1))
            if current is not None:
                for i in pending:
                    owners[i] = current
                pending = []
            continue
        cursor = first
        for h in on_page:
            for i in [*pending, *range(cursor, h.last + 1)]:
                owners[i] = h.name
            pending, cursor, current = [], h.last + 1, h.name
        pending.extend(range(cursor, last + 1))
    for i in pending:
        owners[i] = current


def _assign_leading(chapter: Chapter, inside: list[Heading], owners: list[str | None]) -> None:
    """A heading owns the text from itself to the next heading or the chapter's end."""
    for n, h in enumerate(inside):
        stop = inside[n + 1].first - 1 if n + 1 < len(inside) else chapter.end
        for i in range(h.first, stop + 1):
            owners[i] = h.name


def _page_ranges(pages: list[bool], lo: int, hi: int) -> list[tuple[int, int]]:
    cuts = [lo] + [i for i in range(lo + 1, hi + 1) if pages[i]] + [hi + 1]
    return [(a, b - 1) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]


def _blocks(
    text: CleanText, chapters: list[Chapter], owners: list[str | None]
) -> tuple[Block, ...]:
    """Runs of text lines with one owner, trimmed to their first and last text line."""
    blocks: list[Block] = []
    for chapter in chapters:
        owner: str | None = None
        start = end = -1
        for i in range(chapter.body_start, chapter.end + 1):
            if not text.lines[i] or text.noise[i]:
                continue
            if owners[i] != owner:
                if owner is not None:
                    blocks.append(Block(owner, chapter.category, start + 1, end + 1))
                owner, start = owners[i], i
            end = i
        if owner is not None:
            blocks.append(Block(owner, chapter.category, start + 1, end + 1))
    return tuple(blocks)
