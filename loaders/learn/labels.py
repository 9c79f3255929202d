"""Token labels from a reference: where the annotated names stand in the text.

A reference lists each organisation and programme with its spellings, not with offsets,
so training labels are found by aligning those spellings with the token stream: word by
word on :func:`loaders.names.token_key` (case, umlauts, OCR vowels and inflection folded,
so "des Multikulturellen Forums" finds "Multikulturelles Forum"), longest name first,
never overlapping. Only tokens on lines the reference covers are labelled; the rest are
``None`` (unknown) and stay out of training.

>>> from loaders.learn.tokens import tokenize
>>> toks = tokenize("mit dem Jobcenter Dortmund und dem Projekt „Vielfalt“")
>>> gold = [GoldName("ORG", ("Jobcenter Dortmund",)), GoldName("PRG", ("Vielfalt",))]
>>> bio_labels(toks, gold, lambda offset: 1, [(1, 1)])
['O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'O', 'O', 'B-PRG', 'O']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from loaders.learn.tokens import Token
from loaders.names import token_key

__all__ = ["GoldName", "bio_labels", "gold_names", "piece_keys"]

_PIECE = re.compile(r"[\wÄÖÜäöüß]+")


@dataclass(frozen=True)
class GoldName:
    label: str  # "ORG" | "PRG"
    spellings: tuple[str, ...]


def gold_names(reference: dict[str, Any]) -> list[GoldName]:
    """The organisations and programmes of one reference file, with all their spellings."""
    out = []
    for key, label in (("organisations", "ORG"), ("programmes", "PRG")):
        for entity in reference.get(key) or []:
            spellings = [entity["name"], *(entity.get("aliases") or [])]
            out.append(GoldName(label, tuple(s for s in spellings if s and s.strip())))
    return out


def piece_keys(text: str) -> list[str]:
    """Matching keys of the word pieces of a text ("e.V." gives two pieces)."""
    return [token_key(p) for p in _PIECE.findall(text)]


def bio_labels(
    tokens: Sequence[Token],
    gold: Sequence[GoldName],
    line_of: Callable[[int], int],
    ranges: Sequence[tuple[int, int]],
) -> list[str | None]:
    """BIO labels for ``tokens``; ``None`` for tokens outside the reference's ``ranges``."""
    pieces: list[tuple[str, int]] = []  # (key, token index)
    for i, tok in enumerate(tokens):
        pieces.extend((key, i) for key in piece_keys(tok.text))
    keys = [k for k, _ in pieces]
    first_at: dict[str, list[int]] = {}
    for j, key in enumerate(keys):
        first_at.setdefault(key, []).append(j)

    candidates: list[tuple[int, int, str]] = []  # (first token, last token, label)
    for name in gold:
        for spelling in name.spellings:
            want = piece_keys(spelling)
            if not want or (len(want) == 1 and len(want[0]) < 2):
                continue
            for j in first_at.get(want[0], []):
                if keys[j : j + len(want)] == want:
                    first, last = pieces[j][1], pieces[j + len(want) - 1][1]
                    if spelling.rstrip().endswith(".") and last + 1 < len(tokens):
                        last += tokens[last + 1].text == "."
                    candidates.append((first, last, name.label))
    labels: list[str | None] = [
        "O" if any(lo <= line_of(t.start) <= hi for lo, hi in ranges) else None for t in tokens
    ]
    taken = [False] * len(tokens)
    for first, last, label in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if any(taken[first : last + 1]) or any(x is None for x in labels[first : last + 1]):
            continue
        for i in range(first, last + 1):
            taken[i] = True
            labels[i] = ("B-" if i == first else "I-") + label
    return labels
