"""Training sequences from references: the texts they cover, labelled with their names.

Only sequences whose every token lies on a line the reference covers are used: a sentence
half outside the range would teach the model that the names there are not names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from loaders.clean.repair import clean
from loaders.clean.textstream import TextStream, build_stream
from loaders.extract import Analysis
from loaders.learn.crf import Sequence_
from loaders.learn.features import Features
from loaders.learn.labels import bio_labels, gold_names
from loaders.learn.relations import NONE, candidates, link_label
from loaders.learn.tagging import document_features
from loaders.learn.tokens import Token
from loaders.mentions.find import find_mentions
from loaders.models import CleanText
from loaders.reference import Reference, load_reference
from loaders.sections.chapters import page_starts
from loaders.sections.headings import Heading
from loaders.sections.learnt import HEADING, OTHER, candidate_features, report_candidates
from loaders.source.files import read_source

__all__ = ["reference_sequences", "line_ranges", "link_items", "heading_items"]


@lru_cache(maxsize=16)
def _cleaned(path: Path) -> CleanText:
    """A text read and cleaned once for all the references and models that learn from it."""
    return clean(read_source(path))


@lru_cache(maxsize=16)
def _stream(path: Path) -> TextStream:
    return build_stream(_cleaned(path))


_Document = tuple[TextStream, list[Token], list[Features], list[tuple[int, int]]]
_DOCUMENTS: dict[tuple[Path, int], _Document] = {}


def _document(path: Path, ref: Reference) -> _Document:
    """A text's stream, tokens and features, computed once per text (several references
    cover parts of the same brochure)."""
    key = (path, id(ref))
    if key not in _DOCUMENTS:
        stream = _stream(path)
        tokens, features, sequences = document_features(stream, find_mentions(stream, ref))
        _DOCUMENTS[key] = (stream, tokens, features, sequences)
    return _DOCUMENTS[key]


def line_ranges(reference: dict[str, Any]) -> list[tuple[int, int]]:
    """The reference's covered line ranges (one range, a list of ranges, or the whole text)."""
    lr = reference.get("line_range")
    if not lr:
        return [(1, 10**9)]
    if isinstance(lr[0], list):
        return [(int(a), int(b)) for a, b in lr]
    return [(int(lr[0]), int(lr[1]))]


def reference_sequences(
    text_path: Path, references: Sequence[dict[str, Any]], ref: Reference | None = None
) -> Iterator[Sequence_]:
    """Labelled sequences of one text, from all references that cover parts of it."""
    reference_data = ref if ref is not None else load_reference()
    stream, tokens, features, sequences = _document(text_path, reference_data)
    for reference in references:
        labels = bio_labels(tokens, gold_names(reference), stream.line_at, line_ranges(reference))
        for begin, end in sequences:
            ys = labels[begin:end]
            if all(y is not None for y in ys) and ys:
                yield features[begin:end], [str(y) for y in ys]


def link_items(
    analysis: Analysis,
    reference: dict[str, Any],
    gold_id: Callable[[str], object | None],
    ref: Reference | None = None,
) -> Iterator[Sequence_]:
    """One-item training sequences for the link classifier from one reference.

    A candidate is labelled with the reference's link between its two entities when that
    link is stated on one of the sentence's lines; a pair linked only elsewhere is left out
    (the sentence may or may not state it); any other pair is ``NONE``.
    """
    ranges = line_ranges(reference)
    stated: dict[frozenset[object], list[tuple[object, str, int]]] = {}
    for link in reference.get("links") or []:
        s, t = gold_id(link.get("source", "")), gold_id(link.get("target", ""))
        if s is not None and t is not None and s != t:
            stated.setdefault(frozenset((s, t)), []).append((s, link["type"], int(link["line"])))
    entities = analysis.resolved.entities
    ids: dict[str, object | None] = {}

    def id_of(key: str) -> object | None:
        if key not in ids:
            e = entities[key]
            ids[key] = next(
                (g for g in map(gold_id, [e.canonical, *sorted(e.aliases)]) if g is not None),
                None,
            )
        return ids[key]

    stream = analysis.stream
    for c in candidates(
        stream, analysis.resolved, analysis.blocks, analysis.rule_links, ref, analysis.sentences
    ):
        first_line = stream.line_at(c.sentence.start)
        if not any(lo <= first_line and c.last_line <= hi for lo, hi in ranges):
            continue
        a, b = id_of(c.first), id_of(c.second)
        label = NONE
        if a is not None and b is not None and a != b:
            links = stated.get(frozenset((a, b)), [])
            here = [x for x in links if first_line <= x[2] <= max(c.last_line, c.line)]
            if links and not here:
                continue
            if here:
                label = link_label(here[0][1], here[0][0] == a)
        yield [c.features], [label]


_NEAR_BLOCK = 3  # lines: a name this close to its partner's block opens (or closes) it


@lru_cache(maxsize=16)
def _report_candidates(path: Path) -> tuple[tuple[Heading, Features], ...]:
    """A text's report candidates with their features, once for all references of it (the
    parts of one brochure)."""
    text = _cleaned(path)
    pages = page_starts(text)
    found = report_candidates(text, pages)
    return tuple(
        (h, f) for (h, _), f in zip(found, candidate_features(text, pages, found), strict=True)
    )


def heading_items(
    text_path: Path, reference: dict[str, Any], same_name: Callable[[str, str], bool]
) -> Iterator[Sequence_]:
    """One-item training sequences for the heading classifier from one reference.

    A candidate inside the covered lines is a heading when it names the partner of a
    reference block it stands in or next to (a name printed after its report's text
    closes it); every other candidate, and every candidate of a text without blocks, is
    none. ``same_name`` is the scorer's comparison of two names."""
    ranges = line_ranges(reference)
    blocks = reference.get("blocks") or []
    for h, features in _report_candidates(text_path):
        line = h.first + 1
        if not any(lo <= line <= hi for lo, hi in ranges):
            continue
        opens = any(
            b["start"] - _NEAR_BLOCK <= line <= b["end"] + _NEAR_BLOCK
            and same_name(h.name, b["partner"])
            for b in blocks
        )
        yield [features], [HEADING if opens else OTHER]
