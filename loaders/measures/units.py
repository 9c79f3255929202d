"""Report items: the bullets, labelled items and paragraphs a partner block is made of.

A hand annotator counts one measure per reported item, not per sentence: a bullet, a
"Label: text" item or a paragraph that opens with an activity. Brochure columns wrap every
few words and often put a blank line between all lines, so blank lines say nothing about
paragraphs; a new item is recognised instead by how the line starts (a bullet, a label
before a colon) or by the line before it ending a sentence. Items keep their sentences so a
paragraph that reports a second, different activity mid-way can yield a second measure.

>>> from loaders.models import CleanText, SourceText
>>> lines = ("• Mentoring für", "Azubis.", "Der Kreis bietet", "Kurse an.", "Neu ist X.")
>>> src = SourceText("x.txt", "x.txt", lines, (None,) * 5, "0")
>>> from loaders.clean.textstream import build_stream
>>> stream = build_stream(CleanText(src, src.lines, (False,) * 5))
>>> [(u.line, u.bullet) for u in split_items(stream, 0, len(stream.text))]
[(1, True), (3, False), (5, False)]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from loaders.clean.textstream import Sentence, TextStream, split_sentences

__all__ = ["Item", "split_items", "flat"]

# "28. Juni 2021 …" at a line start is a date that a line break moved there, not item 28
_MONTH_AHEAD = (
    r"(?!\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember)\b)"
)
_BULLET = re.compile(rf"^\s*(?:[•▪◦➔►■□✓-]|\d{{1,2}}[.)]\s{_MONTH_AHEAD})\s*")
_CLOSERS = frozenset(".!?:")
_OPENS = re.compile(r"^[„\"]?[A-ZÄÖÜ0-9]")
_LABEL = re.compile(r"^([A-ZÄÖÜ#][^:.!?\n]{2,60}?):\s+(?=\S)")
_HYPHEN = re.compile(r"(\w)\s?-\s+(?!und\b|oder\b|bzw\b|sowie\b)([a-zäöüß])")


def flat(text: str) -> str:
    """One line of text with column-wrap hyphens undone ("Jobmes- sen" -> "Jobmessen")."""
    return _HYPHEN.sub(r"\1\2", " ".join(text.split()))


def _closes_sentence(line: str) -> bool:
    """The line ends a sentence (".", "!", "?", ":", maybe before a closing quote)."""
    tail = line.rstrip()[-2:]
    return tail[-1:] in _CLOSERS or (tail[-1:] in '"“”)' and tail[:1] in _CLOSERS)


@dataclass(frozen=True)
class Item:
    """One reported item: where it starts, its flattened text and its sentences."""

    start: int
    line: int
    text: str
    bullet: bool
    label: str | None
    sentences: tuple[Sentence, ...]


def _line_starts(stream: TextStream, start: int, end: int) -> list[int]:
    return list(stream.starts[bisect_left(stream.starts, start) : bisect_left(stream.starts, end)])


def split_items(
    stream: TextStream, start: int, end: int, skip_line: Callable[[str], bool] | None = None
) -> list[Item]:
    """Items of ``stream.text[start:end]``; lines for which ``skip_line`` is true (running
    headings such as the partner's name) end the item before them and are left out."""
    text = stream.text
    starts = _line_starts(stream, start, end)
    openings: list[tuple[int, int, bool]] = []  # item start, end, bullet
    previous_closed = True
    current: int | None = None
    current_bullet = False
    for i, line_start in enumerate(starts):
        line_end = starts[i + 1] - 1 if i + 1 < len(starts) else end
        line = text[line_start:line_end]
        if skip_line is not None and skip_line(line):
            if current is not None:
                openings.append((current, line_start, current_bullet))
                current = None
            previous_closed = True
            continue
        bullet = _BULLET.match(line) is not None
        if (
            current is None
            or bullet
            or _LABEL.match(line)
            or (previous_closed and _OPENS.match(line))
        ):
            if current is not None:
                openings.append((current, line_start, current_bullet))
            current, current_bullet = line_start, bullet
        previous_closed = _closes_sentence(line)
    if current is not None:
        openings.append((current, end, current_bullet))
    return [_item(stream, s, e, b) for s, e, b in openings]


def _item(stream: TextStream, start: int, end: int, bullet: bool) -> Item:
    raw = stream.text[start:end]
    body = _BULLET.sub("", raw, count=1) if bullet else raw
    text = flat(body)
    label = _LABEL.match(text)
    return Item(
        start=start,
        line=stream.line_at(start),
        text=text,
        bullet=bullet,
        label=label.group(1) if label else None,
        sentences=tuple(split_sentences(stream, start, end)),
    )
