"""``_select`` finds the overlapping kept mentions by place; it keeps what reading every
kept mention for each candidate keeps, in the same order."""

from __future__ import annotations

import random

from loaders.mentions.find import _replacing, _select
from loaders.mentions.model import Mention


def _select_by_reading_all(known: list[Mention], found: list[Mention]) -> list[Mention]:
    """The selection as it was written before ``_Kept``: every kept mention read for
    overlaps (what replaces them is decided alike)."""
    kept = list(known)
    for cand in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        overlapping = [k for k in kept if k.start < cand.end and cand.start < k.end]
        if not overlapping:
            kept.append(cand)
            continue
        winner = _replacing(cand, overlapping)
        if winner is None:
            continue
        kept = [k for k in kept if k not in overlapping]
        kept.append(winner)
    return sorted(kept, key=lambda m: m.start)


def _mention(rng: random.Random, origin: str) -> Mention:
    start = rng.randrange(0, 120)
    end = start + rng.randrange(1, 30)
    kind = rng.choice(["org", "unit", "programme"])
    ref_id = rng.choice([None, "r1"]) if origin == "reference" else None
    surface = rng.choice(["X", "Dezernat 3 (X)"])
    return Mention(kind, f"n{start}", surface, start, end, "", ref_id, origin)


def test_select_keeps_what_reading_every_mention_keeps():
    rng = random.Random(21)
    for _ in range(400):
        known = [_mention(rng, "reference") for _ in range(rng.randrange(0, 8))]
        found = [_mention(rng, "pattern") for _ in range(rng.randrange(0, 25))]
        found += rng.sample(found, k=min(3, len(found)))  # equal mentions twice
        assert _select(known, found) == _select_by_reading_all(known, found)
