"""Measures per partner and field of action, typed by the measure taxonomy.

A brochure block lists what one partner did in one field of action, mostly as bullets or
short paragraphs. Each sentence that names a measure type of ``reference/measure_types.yaml``
becomes a measure of the block's partner (the first cue in taxonomy order wins), with the
year the sentence states, so the graph can answer "who runs staff surveys, and since when".
"""

from __future__ import annotations

import re

from loaders.models import Block, Measure
from loaders.reference import Reference
from loaders.resolve import ResolvedDocument
from loaders.textstream import TextStream, split_sentences

__all__ = ["find_measures", "MAX_PER_BLOCK"]

MAX_PER_BLOCK = 25
_TITLE_CHARS = 160
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_COMPILED: dict[int, tuple[Reference, list[tuple[str, re.Pattern[str]]]]] = {}


def _type_patterns(reference: Reference) -> list[tuple[str, re.Pattern[str]]]:
    cached = _COMPILED.get(id(reference))
    if cached is None or cached[0] is not reference:
        patterns = [
            (
                t.id,
                re.compile(
                    r"(?<!\w)(?:" + "|".join(re.escape(c) for c in t.cues) + ")", re.IGNORECASE
                ),
            )
            for t in reference.measure_types
        ]
        cached = (reference, patterns)
        _COMPILED[id(reference)] = cached
    return cached[1]


def find_measures(
    stream: TextStream, blocks: tuple[Block, ...], resolved: ResolvedDocument, reference: Reference
) -> tuple[Measure, ...]:
    """Typed measures of every block's partner (none for documents without blocks)."""
    patterns = _type_patterns(reference)
    out: list[Measure] = []
    for block, partner_key in zip(blocks, resolved.block_partners, strict=False):
        if partner_key is None or partner_key not in resolved.entities:
            continue
        org = resolved.entities[partner_key].canonical
        start = stream.offset_of_line(block.start)
        end = stream.offset_of_line(block.end + 1)
        seen: set[str] = set()
        for sentence in split_sentences(stream, start, end):
            text = " ".join(sentence.text.split())
            if len(text) < 25:
                continue
            measure_type = next((t for t, p in patterns if p.search(text)), None)
            if measure_type is None or (measure_type, text[:40]) in seen:
                continue
            seen.add((measure_type, text[:40]))  # type: ignore[arg-type]
            year = _YEAR.search(text)
            out.append(
                Measure(
                    org=org,
                    category=block.category,
                    title=text[:_TITLE_CHARS],
                    line=stream.line_at(sentence.start),
                    type=measure_type,
                    year=int(year.group()) if year else None,
                    evidence=text,
                )
            )
            if len(seen) >= MAX_PER_BLOCK:
                break
    return tuple(out)
