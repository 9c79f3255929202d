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
   their text, and a page without a heading continues the partner of the page before;
   headings stacked at a page top (a row of column headings) own the reports below them
   in the brochure's partner order.

A brochure that sorts its reports by no field is one chapter of no field; which of its
lines open reports is read by a classifier trained on the references
(:mod:`loaders.sections.learnt`), since such brochures follow no layout a rule knows.
Where neither reads two reports, or they read names on other lines than the form the
brochure repeats around its names, that form opens the reports
(:mod:`loaders.sections.forms`).
Documents without reports of partners (flyers, single reports, event documentation) have no
blocks: the result is ``()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from loaders.learn.crf import load_tagger
from loaders.models import Block, CleanText
from loaders.sections.chapters import (
    Category,
    Chapter,
    back_matter_start,
    filled_lines,
    find_chapters,
    load_categories,
    page_starts,
    running_chapter_labels,
)
from loaders.sections.columns import (
    alone,
    column_starts,
    comes_before,
    in_partner_order,
    name_keys,
    names_any,
    partner_order,
    reattach_continuations,
    stacks,
)
from loaders.sections.forms import named_as, recurring_form_headings, without_label
from loaders.sections.headings import (
    BULLETS,
    PROSE_LINE,
    Heading,
    find_partner_headings,
    org_like,
    paragraphs,
    partner_headings,
    spaced_as_reports,
    subheading,
)
from loaders.sections.learnt import HEADING_MODEL, learnt_headings

__all__ = [
    "Reading",
    "best_reading",
    "split_sections",
    "find_chapters",
    "find_partner_headings",
    "load_categories",
    "page_starts",
    "Category",
    "Chapter",
]

log = logging.getLogger(__name__)
# fewer reports than this: the names were not read, and the next reader tries (the
# layout rules, then the learnt classifier, then the form the names recur in)
_MIN_BLOCKS = 2
_SUBTITLES = 2  # lines of a chapter's subtitle between its title and the first report


def split_sections(text: CleanText, heading_model: Path | None = None) -> tuple[Block, ...]:
    """The partner blocks of a brochure, in document order; ``()`` for other documents.

    The learnt classifier (``heading_model``; default: the committed one) reads which names
    open reports where the fields' chapters are not found, and where they are but the
    layout rules find fewer than two reports in them. The names of a form the brochure
    repeats (:func:`recurring_form_headings`) open the reports where these readers read
    fewer than two, or read most of the form's names on other lines: a layout they do not
    know; where they read most of them on the form's lines, the form's names they missed
    open reports too. If those names stand outside the chapters found, the chapters were
    misread, and the names open reports of no field. A reader's names on the form's lines
    lose the label the form prints around each, and the form's names are given as a reader
    read them (:func:`without_label`, :func:`named_as`). A chapter's label repeated at the
    top of its pages is a running header (:func:`running_chapter_labels`)."""
    chapters = find_chapters(text)
    if headers := running_chapter_labels(text, chapters):
        noise = tuple(n or i in headers for i, n in enumerate(text.noise))
        text = replace(text, noise=noise)
    pages = page_starts(text)
    titles = frozenset(ch.heading[1] for ch in chapters)
    readers: list[Callable[[], list[Heading]]] = [lambda: _learnt(text, pages, heading_model)]
    if chapters:
        readers.insert(0, lambda: partner_headings(text, pages, titles))
    by_form = recurring_form_headings(text)
    readings = []
    for reader in readers:
        names = without_label(reader(), by_form)
        readings.append(Reading(names, _blocks_of(text, pages, chapters, names)))
    read_by, found = best_reading(readings, chapters)
    by_form = named_as(by_form, read_by)
    starts = {h.first for h in read_by}
    if _enough(found) and 2 * sum(h.first in starts for h in by_form) >= len(by_form):
        # the names were read where the form has them: the layout is known, and the
        # form's names the readers missed open reports too, if a label (or the spacing,
        # with the report naming them) marks them or they are organisations' (a numbered
        # "3.1 Ausgangslage" is a section of the text)
        missed = [h for h in by_form if h.first not in starts and (h.labelled or org_like(h.name))]
        if not missed:
            return found
        both = sorted([*read_by, *missed], key=lambda h: h.first)
        more = _blocks_of(text, pages, chapters, both)
        return more if len(more) > len(found) else found
    inside = [h for h in by_form if any(ch.body_start <= h.first <= ch.end for ch in chapters)]
    if 2 * len(inside) < len(by_form):
        chapters = []  # the form's names stand outside the chapters: they were misread
    in_form = _blocks_of(text, pages, chapters, by_form)
    best = in_form if len(in_form) > len(found) else found
    return best if _enough(best) else ()


class Reading(NamedTuple):
    """The names a reader took for report openings and the blocks they open."""

    names: list[Heading]
    blocks: tuple[Block, ...]


def best_reading(readings: list[Reading], chapters: list[Chapter]) -> Reading:
    """The first reading that found reports in most chapters, else the first that found
    any, else the last. A later reading of reports in most chapters that took every name
    the chosen one took inside the chapters, and more, read the layout better: the layout
    rules may miss the report right below a chapter's title, which the learnt classifier
    reads (a name the contents list opens no report, whoever reads it).

    >>> one, two = Heading(3, 3, "Stadt A"), Heading(9, 9, "Kreis B")
    >>> blocks = (Block("Stadt A", 1, 4, 8), Block("Kreis B", 1, 10, 20))
    >>> rules, learnt = Reading([one], blocks[:1]), Reading([one, two], blocks)
    >>> chapters = [Chapter(1, 0, 1, 20, heading=(0, 0))]
    >>> best_reading([rules, learnt], chapters) == learnt
    True
    >>> three = Heading(15, 15, "Verein C")
    >>> other = Reading([two, three], (blocks[1], Block("Verein C", 1, 16, 20)))
    >>> best_reading([learnt, other], chapters) == learnt  # it read other names: no better
    True
    >>> contents = Reading([Heading(0, 0, "Stadt A 4"), one], blocks[:1])  # outside chapters
    >>> best_reading([contents, learnt], [Chapter(1, 2, 3, 20, heading=(2, 2))]) == learnt
    True
    """
    enough = [r for r in readings if _enough(r.blocks)]
    spread = [r for r in enough if _in_most_chapters(r.blocks, chapters)]
    chosen = (spread or enough or readings[-1:])[0]

    def inside(reading: Reading) -> set[int]:  # names in the contents open no report
        return {
            h.first for h in reading.names if any(c.title <= h.first <= c.end for c in chapters)
        }

    for reading in spread[1:]:
        if inside(chosen) < inside(reading) and len(reading.blocks) > len(chosen.blocks):
            chosen = reading
    return chosen


def _enough(blocks: tuple[Block, ...]) -> bool:
    """Whether the blocks are the reports of two partners at least: a text that names one
    organisation over each of its sections ("Best Practice Einblick – Stadt Dessau-Roßlau")
    is that organisation's report, no brochure of partners.

    A name that another partner's name holds is that partner's ("STADT DESSAU-ROßLAU"
    signing the sections headed "Best Practice Einblick – Stadt Dessau-Roßlau").

    >>> one, other = Block("Stadt Musterstadt", None, 3, 9), Block("Kreis X", None, 21, 30)
    >>> _enough((one, replace(one, start=10, end=20))), _enough((one, other))
    (False, True)
    >>> _enough((replace(one, partner="Einblick – Stadt Musterstadt"), replace(one, start=10)))
    False
    """
    names = {b.partner.casefold() for b in blocks}
    return sum(not any(n != o and n in o for o in names) for n in names) >= _MIN_BLOCKS


def _in_most_chapters(blocks: tuple[Block, ...], chapters: list[Chapter]) -> bool:
    """Whether reports were found in half the fields' chapters at least: a brochure sets
    reports in most of its chapters, and a reader that finds them in few of them misread
    its layout (two names read out of a line of facts below short forms, "GEW NRW").

    >>> one = Block("Stadt Musterstadt", 1, 3, 9)
    >>> chapters = [Chapter(n, 0, 0, 0, heading=(0, 0)) for n in (1, 2, 3)]
    >>> _in_most_chapters((one,), chapters), _in_most_chapters((one,), chapters[:2])
    (False, True)
    """
    return 2 * len({b.category for b in blocks}) >= len(chapters)


def _blocks_of(
    text: CleanText, pages: list[bool], chapters: list[Chapter], headings: list[Heading]
) -> tuple[Block, ...]:
    """The blocks the names open, in the fields' chapters or else in one part."""
    parts = chapters or _one_part(text, headings)
    return _split(text, pages, parts, headings) if parts else ()


def _split(
    text: CleanText, pages: list[bool], chapters: list[Chapter], headings: list[Heading]
) -> tuple[Block, ...]:
    """Each chapter's lines shared among the partners whose names open reports in it."""
    chapters = _without_introduction(text, pages, chapters, headings)
    by_chapter = [
        [h for h in headings if ch.body_start <= h.first and h.last <= ch.end] for ch in chapters
    ]
    trailing = _headings_trail(text, chapters, by_chapter)
    owners: list[str | None] = [None] * len(text.lines)
    parts = column_starts(text, pages, headings)
    order = partner_order(by_chapter)
    alone_order = partner_order([alone(text, parts, inside) for inside in by_chapter])
    for chapter, inside in zip(chapters, by_chapter, strict=True):
        if inside and trailing:
            _assign_trailing(text, parts, chapter, inside, owners, order, alone_order)
            reattach_continuations(text, pages, chapter, inside, owners)
        elif inside:
            _assign_leading(text, parts, chapter, inside, owners)
    blocks = _blocks(text, chapters, owners)
    log.info("%s: %d chapters, %d partner blocks", text.source.name, len(chapters), len(blocks))
    return blocks


def _learnt(text: CleanText, pages: list[bool], heading_model: Path | None) -> list[Heading]:
    """The names the learnt classifier takes for report openings; none without a model."""
    tagger = load_tagger(heading_model or HEADING_MODEL)
    return learnt_headings(text, pages, tagger) if tagger is not None else []


def _one_part(text: CleanText, headings: list[Heading]) -> list[Chapter]:
    """A brochure without chapters of the fields, if reports of one form follow each other:
    one chapter of no field from the first report's name to the end. Three such names at
    least, with text between them (a list of partners with their web addresses opens no
    reports). The chapter ends above the brochure's closing part ("Impressum")."""
    if not spaced_as_reports(headings):
        return []
    first = headings[0].first
    end = back_matter_start(text, headings[-1].last) - 1
    return [Chapter(None, first, first, end, heading=(first, first))]


def _without_introduction(
    text: CleanText, pages: list[bool], chapters: list[Chapter], headings: list[Heading]
) -> list[Chapter]:
    """A chapter whose title is followed right away by a partner's heading (or by a
    subtitle or two, then the heading) has no introduction: its body starts at that
    heading, and text above the title on its page still belongs to the chapter before (the
    title stood mid-page). A chapter whose introduction ends on its title's page, where a
    partner's heading follows it, has its body start at that heading: the introduction
    need not fill the page. A title with a partner's report above it on its page and its
    introduction below (:func:`_stood_mid_page`) opens its chapter too: the report above
    is the chapter before's."""
    if labelled := _names_over_titles(text, chapters, headings):
        return labelled
    out = list(chapters)
    starts = {h.first for h in headings}
    for n, chapter in enumerate(chapters):
        first, last = chapter.heading
        if n and _stood_mid_page(text, pages, chapter, starts):
            out[n - 1] = replace(out[n - 1], end=first - 1)
            out[n] = replace(out[n], title=first)
        filled = filled_lines(text, last + 1, chapter.end + 1)[: _SUBTITLES + 1]
        below = next(
            (i for i in filled if i in starts or not _subtitle(text.lines[i])),
            None,
        )
        if below is None or below not in starts or below == chapter.body_start:
            # a report headed on the title's page after the chapter's introduction
            opened = sorted(i for i in starts if last < i < chapter.body_start)
            if opened:
                out[n] = replace(out[n], body_start=opened[0])
            continue
        out[n] = replace(out[n], body_start=below)
        if n and filled_lines(text, chapter.title, first):
            out[n - 1] = replace(out[n - 1], end=first - 1)
            out[n] = replace(out[n], title=first)
    return out


def _names_over_titles(
    text: CleanText, chapters: list[Chapter], headings: list[Heading]
) -> list[Chapter]:
    """Chapters that open at a partner's name printed right over their title, where the
    first chapter and most others do: the "titles" are each report's label of its field
    ("Handlungsfeld 1 – …" under the partner's name), so the name opens the chapter and
    its report; none where the brochure has no such layout. (A name extracted after its
    report stands over the next chapter's title too, but never over the first's: no
    report comes before the first field.)"""
    named = [_name_over(text, chapter, headings) for chapter in chapters]
    if (
        len(chapters) < 2
        or named[0] is None
        or 2 * sum(h is not None for h in named) <= len(chapters)
    ):
        return []
    out = list(chapters)
    for n, name in enumerate(named):
        if name is None:
            continue
        out[n] = replace(out[n], title=name.first, body_start=name.first)
        if n:
            out[n - 1] = replace(out[n - 1], end=min(out[n - 1].end, name.first - 1))
    return out


def _name_over(text: CleanText, chapter: Chapter, headings: list[Heading]) -> Heading | None:
    """The partner's name over a chapter's title, with at most a subtitle or two between
    them (the partner's town or former name: short lines, no sentence)."""
    first = chapter.heading[0]
    for h in headings:
        if first - _SUBTITLES - 2 <= h.last < first:
            between = [text.lines[i] for i in range(h.last + 1, first) if text.lines[i]]
            if len(between) <= _SUBTITLES and not any(_prose(line) for line in between):
                return h
    return None


def _prose(line: str) -> bool:
    """A line of running text: long, or ending a sentence or a clause."""
    return len(line) >= PROSE_LINE or line.endswith((".", "!", "?", ":", ","))


def _stood_mid_page(text: CleanText, pages: list[bool], chapter: Chapter, starts: set[int]) -> bool:
    """Whether a chapter's title stood mid-page in reading order: a partner's report opens
    above it on its page, and text follows it on the same page. (A title extracted after
    its page's text, the case a chapter opens with its page for, ends the page's text.)"""
    first, last = chapter.heading
    following = next((i for i in range(last + 1, len(pages)) if pages[i]), len(pages))
    return any(chapter.title <= i < first for i in starts) and bool(
        filled_lines(text, last + 1, min(following, chapter.end + 1))
    )


def _subtitle(line: str) -> bool:
    """A short capitalised line without sentence punctuation: a title's subtitle."""
    return line[:1].isupper() and not _prose(line)


def _headings_trail(
    text: CleanText, chapters: list[Chapter], by_chapter: list[list[Heading]]
) -> bool:
    """Headings trail their text if chapters open with unheaded text and end on a heading."""
    before = after = 0
    for chapter, inside in zip(chapters, by_chapter, strict=True):
        if inside:
            before += len(filled_lines(text, chapter.body_start, inside[0].first))
            after += len(filled_lines(text, inside[-1].last + 1, chapter.end + 1))
    return before > after


def _assign_trailing(
    text: CleanText,
    pages: list[bool],
    chapter: Chapter,
    inside: list[Heading],
    owners: list[str | None],
    order: dict[tuple[str, str], int],
    alone_order: dict[tuple[str, str], int],
) -> None:
    """Text up to a heading is that partner's; a page without a heading continues it.

    Three layout cues refine this. Headings that open a page cannot trail anything on it:
    they own the text below them. A page that opens mid-sentence continues the partner of
    the page before until that report visibly ends (:func:`_continuation_end`). Headings
    stacked without text between them share the text beside them (:func:`_share`).

    A stack that opens a page is a row of column headings that extraction printed one
    after the other before the columns' text: the reports below follow in the brochure's
    partner order (``alone_order``), and text at the page's end that turns to the partner
    heading the next page is that partner's (:func:`_spill_start`).
    """
    current: str | None = None
    pending: list[int] = []
    headed = {i for h in inside for i in range(h.first, h.last + 1)}
    ranges = _page_ranges(pages, chapter.body_start, chapter.end)
    for n, (first, last) in enumerate(ranges):
        on_page = [h for h in inside if first <= h.last <= last]
        if not on_page:
            pending.extend(range(first, last + 1))
            if current is not None:
                for i in pending:
                    owners[i] = current
                pending = []
            continue
        top = _top_stack(text, first, on_page)
        if top:
            for i in pending:
                owners[i] = current
            pending, cursor = [], top[-1].last + 1
            stop = on_page[len(top)].first if len(top) < len(on_page) else last + 1
            if (
                len(top) == 1
                and len(on_page) == 2
                and not filled_lines(text, on_page[1].last + 1, last + 1)
            ):
                stop = _continuation_end(text, top[0].name, cursor, on_page[1])
            spill = stop
            if len(top) > 1 and stop == last + 1 and n + 1 < len(ranges):
                nxt = _top_of(text, ranges[n + 1], inside)
                if nxt is not None and nxt.name not in {h.name for h in top}:
                    spill = _spill_start(text, top, range(cursor, stop), nxt)
                    for i in range(spill, stop):
                        owners[i] = nxt.name
            stacked = in_partner_order(top, order)
            _share(text, stacked, range(cursor, spill), owners, alone_order)
            below = filled_lines(text, cursor, stop)
            for h in top:
                for i in range(h.first, h.last + 1):
                    owners[i] = owners[below[0]] if len(top) > 1 and below else h.name
            cursor, current, on_page = stop, top[-1].name, on_page[len(top) :]
        else:
            cursor = first
            if current is not None and _continues(text, first, on_page[0], headed):
                end = _continuation_end(text, current, first, on_page[0])
                for i in [*pending, *range(first, end)]:
                    owners[i] = current
                pending, cursor = [], end
        for stack in stacks(text, on_page):
            span = range(cursor, stack[0].first)
            for i in pending:
                owners[i] = stack[0].name
            _share(text, in_partner_order(stack, order), span, owners)
            before = filled_lines(text, span.start, span.stop)
            for h in stack:
                for i in range(h.first, h.last + 1):
                    owners[i] = owners[before[-1]] if len(stack) > 1 and before else h.name
            pending, cursor, current = [], stack[-1].last + 1, stack[-1].name
        pending.extend(range(cursor, last + 1))
    for i in pending:
        owners[i] = current


def _top_of(text: CleanText, page: tuple[int, int], inside: list[Heading]) -> Heading | None:
    """The heading a page opens with, if no text stands above it."""
    top = _top_stack(text, page[0], [h for h in inside if page[0] <= h.last <= page[1]])
    return top[0] if top else None


def _spill_start(text: CleanText, stack: list[Heading], span: range, following: Heading) -> int:
    """Where the text below a page-top stack turns to the report headed on the next page.

    Two reports printed side by side under their headings can leave the page's last column
    to the report whose heading opens the next page. After the last paragraph that names a
    stacked partner, the first paragraph that names that next partner begins its report;
    ``span.stop`` if there is none.
    """
    names = [h.name for h in stack]
    paras = paragraphs(text, filled_lines(text, span.start, span.stop))
    ours = [name_keys(m, [x for x in [*names, following.name] if x != m]) for m in names]
    theirs = name_keys(following.name, names)
    named = [k for k, p in enumerate(paras) if any(names_any(text, p, keys) for keys in ours)]
    for k in range(named[-1] + 1 if named else 0, len(paras)):
        if names_any(text, paras[k], theirs):
            return paras[k][0]
    return span.stop


def _top_stack(text: CleanText, first: int, on_page: list[Heading]) -> list[Heading]:
    """Headings that are the first text of their page (with those stacked right below)."""
    if not on_page or filled_lines(text, first, on_page[0].first):
        return []
    return stacks(text, on_page)[0]


def _continues(text: CleanText, first: int, heading: Heading, headed: set[int]) -> bool:
    """Whether a page opens in the middle of the previous page's last sentence or list."""
    page = filled_lines(text, first, heading.first)
    before = [i for i in range(first - 1, max(-1, first - 40), -1) if text.lines[i]]
    before = [i for i in before if not text.noise[i] and i not in headed][:5]
    if not page or not before:
        return False
    head, tail = text.lines[page[0]], text.lines[before[0]]
    if head[:1].islower() or tail.endswith("-"):
        return True
    if tail.endswith((".", "!", "?", ":")) or tail[:1] in BULLETS:
        return False
    in_list = any(text.lines[i][:1] in BULLETS for i in before)
    if head[:1] in BULLETS:
        return in_list
    widths = sorted(len(text.lines[i]) for i in page)
    return len(tail) >= 0.8 * widths[len(widths) // 2]  # a full line: cut by the page end


def _continuation_end(text: CleanText, partner: str, first: int, heading: Heading) -> int:
    """Where the previous partner's text ends on a page that continues it.

    A running header in mid-page marks the end; otherwise the text runs on to its last
    paragraph that names the partner, and at least to the first sub-heading that does not.
    """
    lines = filled_lines(text, first, heading.first)
    header = next((i for i in range(lines[0], heading.first) if text.noise[i]), None)
    if header is not None:
        return header
    paras = paragraphs(text, lines)
    keys, others = name_keys(partner, [heading.name]), name_keys(heading.name, [partner])
    end = 1
    for n, para in enumerate(paras):
        if names_any(text, para, others):
            break
        if names_any(text, para, keys):
            end = n + 1
    sub = next((n for n in range(end, len(paras)) if subheading(text, paras[n])), None)
    end = min(sub if sub is not None else end, len(paras) - 1)
    return paras[end][0] if end >= 1 else heading.first


def _share(
    text: CleanText,
    stack: list[Heading],
    span: range,
    owners: list[str | None],
    alone_order: dict[tuple[str, str], int] | None = None,
) -> None:
    """Give each paragraph of ``span`` to the stacked partner it names.

    Unnamed paragraphs go on with the partner named before them. A partner that is never
    named takes the unnamed paragraphs between two others, or at the end the paragraphs
    after the one that follows the last named one (a report rarely ends on its own name).
    A list belongs to the partner its items first name (:func:`_lists_open_reports`).

    The text before the first named partner goes to an unnamed partner stacked above it.
    Below a page-top stack (``alone_order`` given: the partner order learnt from headings
    that stand alone) the reports follow in the brochure's order whatever order extraction
    printed the headings in: if none is stacked above, an unnamed partner that the brochure
    lists before the named one takes that text, and only that text.
    """
    names = [h.name for h in stack]
    lines = filled_lines(text, span.start, span.stop)
    if not lines:
        return
    if len(stack) == 1:
        for i in span:
            owners[i] = names[0]
        return
    keys = {n: name_keys(n, [m for m in names if m != n]) for n in names}
    paras = paragraphs(text, lines)
    found = [next((n for n in names if names_any(text, p, keys[n])), None) for p in paras]
    unnamed = [n for n in names if n not in found]
    found = _lists_open_reports(text, paras, found)
    if not any(found):  # nobody named: each stacked partner takes its share, in order
        found = [names[k * len(names) // len(paras)] for k in range(len(paras))]
    who: list[str] = []
    for k, name in enumerate(found):
        if name is not None:
            who.append(name)
            continue
        prev = who[-1] if who else None
        later = next((f for f in found[k + 1 :] if f is not None), None)
        first = [n for n in unnamed if later is not None and names.index(n) < names.index(later)]
        if prev is None and not first and later is not None and alone_order is not None:
            ahead = [n for n in unnamed if comes_before(n, later, alone_order)]
            if ahead:  # its report comes first, then the named one's runs on to the end
                first, unnamed = ahead, [n for n in unnamed if n != ahead[0]]
        if prev is None and first:
            who.append(first[0])  # text before the first named partner: one stacked above it
        elif unnamed and prev is not None and (later not in (None, prev) or found[k - 1] is None):
            who.append(unnamed[0])
        else:
            who.append(prev or later or unnamed[0] if unnamed else prev or later or names[0])
        if later is not None and who[-1] != later and subheading(text, paras[k]):
            who[-1] = later
    for k, para in enumerate(paras):
        stop = paras[k + 1][0] if k + 1 < len(paras) else span.stop
        for i in range(para[0] if k else span.start, stop):
            owners[i] = who[k]


def _lists_open_reports(
    text: CleanText, paras: list[list[int]], found: list[str | None]
) -> list[str | None]:
    """A list whose item first names a partner opens that partner's report.

    Items before that one, back to the start of the list, were named by nobody; a list is
    one report's, so they go with the partner the list names, not the partner before it.
    """
    out = list(found)
    last: str | None = None
    for k, name in enumerate(found):
        if name is None:
            continue
        if last is not None and name != last and _item(text, paras[k]):
            start = k
            while start > 0 and found[start - 1] is None and _item(text, paras[start - 1]):
                start -= 1
            if start < k and start > 0 and not _item(text, paras[start - 1]):
                for m in range(start, k):
                    out[m] = name
        last = name
    return out


def _item(text: CleanText, para: list[int]) -> bool:
    return text.lines[para[0]][:1] in BULLETS


def _assign_leading(
    text: CleanText,
    pages: list[bool],
    chapter: Chapter,
    inside: list[Heading],
    owners: list[str | None],
) -> None:
    """A heading owns the text below it to the next heading or the chapter's end; the
    heading's own line is no sentence of the report (a sentence never runs from a name
    line into the text below it).

    A heading with no text below it stood in its page's header and was extracted after the
    page's text: it owns the text from the page's start (after the heading before it), or
    from the chapter's body where it is the chapter's first heading on the body's page.
    """
    for n, h in enumerate(inside):
        stop = inside[n + 1].first - 1 if n + 1 < len(inside) else chapter.end
        start = h.last + 1
        if not filled_lines(text, h.last + 1, stop + 1):
            floor = inside[n - 1].last + 1 if n else chapter.body_start
            page = next((i for i in range(h.first, floor, -1) if pages[i]), None if n else floor)
            if page is not None and filled_lines(text, page, h.first):
                start = page
        for i in range(start, stop + 1):
            owners[i] = h.name


def _page_ranges(pages: list[bool], lo: int, hi: int) -> list[tuple[int, int]]:
    cuts = [lo] + [i for i in range(lo + 1, hi + 1) if pages[i]] + [hi + 1]
    return [(a, b - 1) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]


def _blocks(
    text: CleanText, chapters: list[Chapter], owners: list[str | None]
) -> tuple[Block, ...]:
    """Runs of text lines with one owner, from their first text line to the line before
    the next run's (or the chapter's end): the blank lines, page numbers and running
    headers after a partner's text belong to its report, as a reader marks it."""
    blocks: list[Block] = []
    for chapter in chapters:
        owner: str | None = None
        start = -1
        for i in range(chapter.body_start, chapter.end + 1):
            if not text.lines[i] or text.noise[i]:
                continue
            if owners[i] != owner:
                if owner is not None:
                    blocks.append(Block(owner, chapter.category, start + 1, i))
                owner, start = owners[i], i
        if owner is not None:
            blocks.append(Block(owner, chapter.category, start + 1, chapter.end + 1))
    return tuple(blocks)
