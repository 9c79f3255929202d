"""Find the organisations and programmes of the reference data in a text, spelling-tolerant.

Every alias and abbreviation of ``loaders/reference`` becomes a sequence of token keys
(:func:`loaders.names.token_key`), indexed by its first key. The text is tokenised once
and each token looks up its candidates, so the scan is linear in the text and OCR,
hyphenation, case and inflection variants match without a fuzzy comparison. Abbreviations
(``LVR``, ``IQ``) must match case-sensitively, allowing only the OCR confusion of ``I``/``l``.

>>> from loaders.reference import load_reference
>>> hits = Gazetteer.build(load_reference()).find("Ausbildung beim LVR und beim WDR")
>>> [(h.ref_id, h.surface) for h in hits]
[('landschaftsverband-rheinland', 'LVR'), ('wdr', 'WDR')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from loaders.names import TOKEN_RE, is_abbreviation, short_words_agree, spelt_alike, token_key
from loaders.reference import Reference

__all__ = ["GazetteerHit", "Gazetteer", "gazetteer_for"]

_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den"})


@dataclass(frozen=True)
class GazetteerHit:
    kind: str  # "org" | "programme"
    ref_id: str
    name: str  # canonical reference name
    type: str  # organisation type or programme kind
    surface: str
    start: int
    end: int
    abbreviation: bool


@dataclass(frozen=True)
class _Entry:
    keys: tuple[str, ...]
    words: tuple[str, ...]
    kind: str
    ref_id: str
    name: str
    type: str
    exact: bool


def _ocr_exact(word: str) -> str:
    """Case-sensitive form of an abbreviation, with OCR's I/l/1 confusion folded."""
    return word.replace("l", "I").replace("1", "I")


class Gazetteer:
    """Token-key index over all reference names."""

    def __init__(self, entries: list[_Entry]) -> None:
        self._index: dict[str, list[_Entry]] = defaultdict(list)
        for entry in entries:
            self._index[entry.keys[0]].append(entry)
        for bucket in self._index.values():
            bucket.sort(key=lambda e: -len(e.keys))

    @classmethod
    def build(cls, reference: Reference) -> Gazetteer:
        entries: list[_Entry] = []
        for kind, items in (("org", reference.organisations), ("programme", reference.programmes)):
            for item in items:
                kind_or_type = item.type if kind == "org" else item.kind  # type: ignore[union-attr]
                for alias in {item.name, *item.aliases}:
                    words = tuple(TOKEN_RE.findall(alias))
                    while words and words[0].casefold() in _ARTICLES:
                        words = words[1:]
                    if not words:
                        continue
                    exact = len(words) == 1 and is_abbreviation(words[0])
                    entries.append(_entry(words, kind, item, kind_or_type, exact))
                for abbreviation in item.abbreviations:
                    words = tuple(TOKEN_RE.findall(abbreviation))
                    if words:
                        entries.append(_entry(words, kind, item, kind_or_type, True))
        return cls(entries)

    def find(self, text: str) -> list[GazetteerHit]:
        """Longest reference matches in ``text``, left to right, without overlaps."""
        spans = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
        keys = [token_key(w) for _, _, w in spans]
        hits: list[GazetteerHit] = []
        i = 0
        while i < len(spans):
            best: _Entry | None = None
            for entry in self._index.get(keys[i], ()):
                n = len(entry.keys)
                if i + n > len(spans) or tuple(keys[i : i + n]) != entry.keys:
                    continue
                if not _surface_fits(entry, [w for _, _, w in spans[i : i + n]]):
                    continue
                if _crosses_paragraph(text, spans[i][0], spans[i + n - 1][1]):
                    continue
                best = entry
                break
            if best is None:
                i += 1
                continue
            n = len(best.keys)
            start, end = spans[i][0], spans[i + n - 1][1]
            hits.append(
                GazetteerHit(
                    best.kind,
                    best.ref_id,
                    best.name,
                    best.type,
                    text[start:end],
                    start,
                    end,
                    best.exact,
                )
            )
            i += n
        return hits


def _entry(words: tuple[str, ...], kind: str, item: object, type_: str, exact: bool) -> _Entry:
    return _Entry(
        keys=tuple(token_key(w) for w in words),
        words=tuple(_ocr_exact(w) for w in words) if exact else words,
        kind=kind,
        ref_id=item.id,  # type: ignore[attr-defined]
        name=item.name,  # type: ignore[attr-defined]
        type=type_,
        exact=exact,
    )


def _surface_fits(entry: _Entry, words: list[str]) -> bool:
    if entry.exact:
        return tuple(_ocr_exact(w) for w in words) == entry.words
    if not short_words_agree(words, entry.words):  # "ver.di" is not "vor die"
        return False
    # a one-word name must be written as a name (capitalised), not as an ordinary word,
    # and spelt like it, not only folded like it ("Solms" is no "Siemens")
    if len(words) == 1:
        named = words[0][:1].isupper() or words[0][:1] == "#"
        return named and spelt_alike(words[0], entry.words[0])
    return True


_PARAGRAPH = re.compile(r"\n\s*\n")


def _crosses_paragraph(text: str, start: int, end: int) -> bool:
    return end - start > 0 and _PARAGRAPH.search(text, start, end) is not None


_BUILT: dict[int, tuple[Reference, Gazetteer]] = {}


def gazetteer_for(reference: Reference) -> Gazetteer:
    """The gazetteer of ``reference``, built once per reference object."""
    cached = _BUILT.get(id(reference))
    if cached is None or cached[0] is not reference:
        cached = (reference, Gazetteer.build(reference))
        _BUILT[id(reference)] = cached
    return cached[1]
