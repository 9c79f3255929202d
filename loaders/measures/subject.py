"""Measures of a report's own organisation, for documents that are not partner brochures.

A project report or documentation has no partner blocks: it is written by one reporting
organisation (``ResolvedDocument.subject``) and also names dozens of others. Only sentences
in which that organisation is named *and* an activity of the taxonomy appears are taken as
its measures, at most two per item, so background passages about the labour market or other
actors do not become measures. Without a field-of-action chapter the category is the
measure type's usual field of action.

>>> from loaders.reference import load_reference
>>> typed_category("Die Stadt bietet einen Workshop an.", load_reference())
('intercultural-training', 2)
"""

from __future__ import annotations

from bisect import bisect_left

from loaders.clean.textstream import TextStream
from loaders.measures.taxonomy import NEGATED, NOT_ITEM, label_of, typed
from loaders.measures.titles import noun_phrase, start_year
from loaders.measures.units import flat, split_items
from loaders.models import Measure
from loaders.reference import Reference
from loaders.resolve.entities import ResolvedDocument

__all__ = ["subject_measures", "typed_category", "MAX_PER_DOCUMENT"]

MAX_PER_DOCUMENT = 40
_PER_ITEM = 2


def typed_category(text: str, reference: Reference) -> tuple[str, int | None] | None:
    """The first activity type named in ``text`` and its usual field of action."""
    found = typed(text, reference)
    return (found[0], found[2] or None) if found else None


def subject_measures(
    stream: TextStream, resolved: ResolvedDocument, reference: Reference
) -> tuple[Measure, ...]:
    """Measures in sentences that name the reporting organisation (none without one)."""
    key = resolved.subject
    if key is None or key not in resolved.entities:
        return ()
    org_id = resolved.id_of(key)
    named = sorted(m.start for m, k, _ in resolved.mentions if k == key)
    if not named:
        return ()
    out: list[Measure] = []
    for item in split_items(stream, 0, len(stream.text)):
        if NOT_ITEM.search(item.text[:80]):
            continue
        seen: set[str] = set()
        for sentence in item.sentences:
            first = bisect_left(named, sentence.start)
            if first >= len(named) or named[first] >= sentence.end:
                continue
            text = flat(sentence.text)
            found = typed(text, reference)
            if found is None or found[0] in seen or NEGATED.search(text):
                continue
            seen.add(found[0])
            out.append(
                Measure(
                    org_id=org_id,
                    category=found[2] or None,
                    title=noun_phrase(text, found[1], label_of(found[0], reference)),
                    line=stream.line_at(sentence.start),
                    type=found[0],
                    year=start_year(text),
                    evidence=text,
                )
            )
            if len(seen) >= _PER_ITEM:
                break
        if len(out) >= MAX_PER_DOCUMENT:
            break
    return tuple(out)
