"""Measures per partner and field of action, typed by the measure taxonomy.

A brochure block lists what one partner did in one field of action as bullets, labelled
items ("Direktmailings: ...") and short paragraphs. A hand annotator counts one measure per
such item, so the item, not the sentence, is the unit (:mod:`loaders.measures.units`):

* a bullet whose opening is a noun phrase ("Kooperation mit Schulen") is a measure even
  without a taxonomy cue - the author has already named an activity;
* a labelled item, and an item whose opening sentence names an activity of
  ``reference/measure_types.yaml``, is a measure at the item's first line;
* a later sentence of a paragraph yields a second measure only when it opens a new topic
  (no "Diese ...", "Dabei ...") and names an activity of another type;
* context ("Die Jahre 2020 und 2021 ...") and things that did not happen ("konnte nicht
  stattfinden") are not measures.

The title is a short noun phrase (:mod:`loaders.measures.titles`), the year the stated start
year, the category the block's field of action. Outside brochures the reporting
organisation's sentences are used, with the type's usual field of action as category.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from loaders.clean.textstream import TextStream
from loaders.measures.subject import subject_measures
from loaders.measures.taxonomy import ANAPHORA, NEGATED, NOT_ITEM, label_of, typed
from loaders.measures.titles import item_title, noun_phrase, start_year
from loaders.measures.units import Item, flat, split_items
from loaders.models import Block, Measure
from loaders.names import name_key
from loaders.reference import Reference
from loaders.resolve.entities import ResolvedDocument
from loaders.sections.chapters import load_categories

__all__ = ["find_measures", "MAX_PER_BLOCK"]

MAX_PER_BLOCK = 25
_MIN_CHARS = 25
_SHORT_OPENING = 120  # an opening this short is read with the sentence after it


def _noun_opening(item: Item) -> bool:
    """A bullet that opens with a noun ("Werbung über ...", not "Die Aussicht ...")."""
    first = item.text.split(" ", 1)[0]
    return (
        item.bullet
        and first[:1].isupper()
        and not ANAPHORA.match(item.text)
        and not re.match(r"(?:Ein|Eine|Im|In|Für|Bei|Mit|Wie|Als|Wir|Seit|Nach)\b", first)
    )


@lru_cache(maxsize=1)
def _chapter_titles() -> re.Pattern[str]:
    names = (re.escape(c.name) for c in load_categories())
    return re.compile(r"[\d\s.|–—-]*(?:" + "|".join(names) + ")", re.IGNORECASE)


def _skip_line(partner: str) -> Callable[[str], bool]:
    """Running headings inside a block: the partner's name and the field-of-action title."""
    partner_key = name_key(partner)
    titles = _chapter_titles()

    def skip(line: str) -> bool:
        if titles.match(line):
            return True
        return len(line) <= len(partner) + 8 and name_key(line) == partner_key

    return skip


def _item_measures(item: Item, reference: Reference) -> list[tuple[int, str, str | None, str]]:
    """(offset, title, type, evidence) of each measure an item reports."""
    if NOT_ITEM.search(item.text[:200]) or NEGATED.search(item.text[:200]):
        return []
    if len(item.text) < _MIN_CHARS and not item.bullet:
        return []
    head = item.sentences[:1]
    first = flat(head[0].text) if head else item.text
    found = typed(item.text if item.bullet else first, reference)
    if len(item.sentences) > 1 and len(first) < _SHORT_OPENING:
        head = item.sentences[:2]  # a short opening is detail for the sentence after it
        first = flat(" ".join(s.text for s in head))
        found = found or typed(first, reference)
    out: list[tuple[int, str, str | None, str]] = []
    seen: set[str] = set()
    if item.label or _noun_opening(item) or (found and not ANAPHORA.match(first)):
        cue_at = found[1] if found else None
        fallback = label_of(found[0], reference) if found else None
        title = item_title(item.text, item.label, item.bullet, cue_at, fallback)
        out.append((item.start, title, found[0] if found else None, item.text))
        if found:
            seen.add(found[0])
    if item.bullet:
        return out
    for sentence in item.sentences[len(head) :]:
        text = flat(sentence.text)
        later = typed(text, reference)
        if (
            later is None
            or later[0] in seen
            or len(text) < _MIN_CHARS
            or ANAPHORA.match(text)
            or NEGATED.search(text)
        ):
            continue
        out.append(
            (
                sentence.start,
                noun_phrase(text, later[1], label_of(later[0], reference)),
                later[0],
                text,
            )
        )
        break  # a paragraph reports one more activity at most; the rest is detail
    return out


def _block_measures(
    stream: TextStream, block: Block, org_id: str, reference: Reference
) -> list[Measure]:
    start = stream.offset_of_line(block.start)
    end = stream.offset_of_line(block.end + 1)
    out: list[Measure] = []
    for item in split_items(stream, start, end, _skip_line(block.partner)):
        for offset, title, type_id, evidence in _item_measures(item, reference):
            out.append(
                Measure(
                    org_id=org_id,
                    category=block.category,
                    title=title,
                    line=stream.line_at(offset),
                    type=type_id,
                    year=start_year(evidence),
                    evidence=evidence,
                )
            )
    return out[:MAX_PER_BLOCK]


def find_measures(
    stream: TextStream, blocks: tuple[Block, ...], resolved: ResolvedDocument, reference: Reference
) -> tuple[Measure, ...]:
    """Typed measures of every block's partner; for a document without blocks, those its
    reporting organisation names about itself (:mod:`loaders.measures.subject`)."""
    out: list[Measure] = []
    for block, partner_key in zip(blocks, resolved.block_partners, strict=False):
        if partner_key is None or partner_key not in resolved.entities:
            continue
        out.extend(_block_measures(stream, block, resolved.id_of(partner_key), reference))
    if not blocks:
        return subject_measures(stream, resolved, reference)
    return tuple(out)
