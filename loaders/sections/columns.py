"""Reading order: interleaved columns, rotated stacks, partners named in paragraphs.

Text extracted from a two-column PDF page may print a running footer where a column ends,
or put the end of a sentence broken off at a page end further down the next page, after
another partner's report. :func:`column_starts` lets headings below such a footer open a
new part of the page; :func:`reattach_continuations` gives the stray sentence end back to
the partner whose sentence it finishes. Both work from layout and punctuation only.
"""

from __future__ import annotations

import re

from loaders.models import CleanText
from loaders.sections.chapters import Chapter
from loaders.sections.headings import Heading, initials

__all__ = [
    "alone",
    "column_starts",
    "comes_before",
    "in_partner_order",
    "name_keys",
    "names_any",
    "partner_order",
    "reattach_continuations",
    "stacks",
]

# a sentence end: a word of two or more letters and a full stop, not an abbreviation
_SENTENCE_END = re.compile(
    r"(?<![^\W\d_])(?!(?:bzw|ca|ggf|usw|evtl|inkl|vgl|sog|etc|bspw|insb|Nr|Abs)\.)"
    r"[^\W\d_]{2,}[.!?]$"
)
_NAME_WORDS = re.compile(r"[^\W\d_]+")
_NON_WORD = re.compile(r"[^\w]+")
# words too common in reports to tell stacked partners apart
_GENERIC = frozenset({"nordrhein", "westfalen", "regionalverband", "stadt", "kreis", "verband"})


def column_starts(text: CleanText, pages: list[bool], headings: list[Heading]) -> list[bool]:
    """Page starts plus headings that sit right below a running header or footer.

    Extraction sometimes prints a page footer in the middle of the page's text, where one
    column ends; headings directly below it open the next column as they would a page. A
    heading followed by the next page's furniture closes its page instead.
    """
    starts, lines = list(pages), text.lines
    for h in headings:
        above = next((j for j in range(h.first - 1, max(-1, h.first - 6), -1) if lines[j]), -1)
        below = next((j for j in range(h.last + 1, min(len(lines), h.last + 6)) if lines[j]), -1)
        if above >= 0 and text.noise[above] and below >= 0:
            starts[h.first] = not (text.noise[below] or pages[below]) or pages[h.first]
    return starts


def reattach_continuations(
    text: CleanText,
    pages: list[bool],
    chapter: Chapter,
    inside: list[Heading],
    owners: list[str | None],
) -> None:
    """Give text that finishes a sentence broken off at a page end back to its partner.

    When columns are interleaved, a page can break off mid-sentence ("im Sinne von gesell-")
    and its rest appear further down the next page, after another partner's text: a
    paragraph that opens in lower case right after a finished sentence. That paragraph, up
    to the next heading or running header, belongs to the partner of the broken sentence.
    """
    headed = {i for h in inside for i in range(h.first, h.last + 1)}
    last: int | None = None
    for i in range(chapter.body_start, chapter.end + 1):
        if pages[i] and last is not None and _broken_off(text.lines[last]):
            _reattach_on_page(text, pages, i, headed, owners, owners[last])
        if text.lines[i] and not text.noise[i] and i not in headed:
            last = i


def _broken_off(line: str) -> bool:
    """Whether a line stops mid-word or mid-sentence."""
    if line.endswith("-"):
        return line[-2:-1].isalpha()
    return not line.endswith((".", "!", "?", ":", ")", "“", '"'))


def _reattach_on_page(
    text: CleanText,
    pages: list[bool],
    first: int,
    headed: set[int],
    owners: list[str | None],
    owner: str | None,
) -> None:
    prev, i, moving = None, first, False
    while i < len(text.lines) and (i == first or not pages[i]):
        line = text.lines[i]
        if text.noise[i] or i in headed:
            if moving:
                return
        elif line:
            if moving:
                owners[i] = owner
            elif (
                prev is not None
                and line[:1].islower()
                and _SENTENCE_END.search(text.lines[prev])
                and owners[i] != owner
            ):
                moving, owners[i] = True, owner
            prev = i
        i += 1


def partner_order(by_chapter: list[list[Heading]]) -> dict[tuple[str, str], int]:
    """How many chapters print partner ``a`` before partner ``b``, for each pair.

    A brochure lists its partners in the same order in every field of action, so this
    order, learnt from the document's own chapters, tells how a page's stacked headings
    should be read when extraction rotated them.
    """
    before: dict[tuple[str, str], int] = {}
    for inside in by_chapter:
        seen: list[str] = []
        for h in inside:
            if h.name in seen:
                continue
            for earlier in seen:
                before[earlier, h.name] = before.get((earlier, h.name), 0) + 1
            seen.append(h.name)
    return before


def alone(text: CleanText, parts: list[bool], inside: list[Heading]) -> list[Heading]:
    """A chapter's headings that stand alone on their page or column, not in a stack.

    The order of stacked headings is the very thing extraction may have turned round, so
    the brochure's partner order is best learnt from the headings that stand alone.
    """
    out: list[Heading] = []
    for stack in stacks(text, inside):
        run: list[Heading] = []
        for h in stack:
            if run and any(parts[i] for i in range(run[-1].last + 1, h.first + 1)):
                out.extend(run if len(run) == 1 else [])
                run = []
            run.append(h)
        out.extend(run if len(run) == 1 else [])
    return out


def comes_before(a: str, b: str, before: dict[tuple[str, str], int]) -> bool:
    """Whether chapters clearly print partner ``a`` before ``b``: more often, by two or more."""
    return before.get((a, b), 0) >= before.get((b, a), 0) + 2


def in_partner_order(stack: list[Heading], before: dict[tuple[str, str], int]) -> list[Heading]:
    """Stacked headings put into the brochure's partner order where chapters clearly agree.

    Two headings swap only if more chapters print them the other way round, by two or more,
    so a stack printed in reading order stays as it is.
    """
    out = list(stack)
    for k in range(1, len(out)):
        m = k
        while m > 0 and comes_before(out[m].name, out[m - 1].name, before):
            out[m - 1], out[m] = out[m], out[m - 1]
            m -= 1
    return out


def name_keys(name: str, others: list[str]) -> set[str]:
    """Words that name this partner and none of the ``others``: its distinctive words in
    lower case, and its initials ("LVR") as printed."""
    words = {w.casefold() for w in _NAME_WORDS.findall(name)}
    taken = {w.casefold() for other in others for w in _NAME_WORDS.findall(other)}
    keys = {w for w in words - taken if len(w) >= 4 and w not in _GENERIC}
    return keys | {f" {short} " for short in initials(name) if len(short) >= 3}


def names_any(text: CleanText, para: list[int], keys: set[str]) -> bool:
    """Whether a paragraph names a partner by one of its keys (initials match as words)."""
    joined = " " + " ".join(text.lines[i] for i in para) + " "
    spaced = _NON_WORD.sub(" ", joined)
    lower = joined.casefold()
    return any(k in spaced if k.startswith(" ") else k in lower for k in keys)


def stacks(text: CleanText, on_page: list[Heading]) -> list[list[Heading]]:
    """Headings of a page grouped where no text stands between them."""
    stacks: list[list[Heading]] = []
    for h in on_page:
        if stacks and not _text_between(text, stacks[-1][-1].last + 1, h.first):
            stacks[-1].append(h)
        else:
            stacks.append([h])
    return stacks


def _text_between(text: CleanText, lo: int, hi: int) -> bool:
    return any(text.lines[i] and not text.noise[i] for i in range(lo, hi))
