"""``_select`` finds the overlapping kept mentions by place; it keeps what reading every
kept mention for each candidate keeps, in the same order."""

from __future__ import annotations

import random

from loaders.mentions.find import _select
from loaders.mentions.model import Mention


def _select_by_reading_all(known: list[Mention], found: list[Mention]) -> list[Mention]:
    """The selection as it was written before ``_Kept``: every kept mention read."""
    kept = list(known)
    for cand in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        overlapping = [k for k in kept if k.start < cand.end and cand.start < k.end]
        if not overlapping:
            kept.append(cand)
            continue
        contains_all = all(cand.start <= k.start and k.end <= cand.end for k in overlapping)
        longer = all(cand.end - cand.start > k.end - k.start for k in overlapping)
        known_at_end = any(k.origin == "reference" and k.end >= cand.end - 1 for k in overlapping)
        if not (contains_all and longer) or (known_at_end and cand.kind != "unit"):
            continue
        if cand.kind == "unit":
            inner = [k for k in overlapping if k.kind == "org" and k.ref_id]
            if inner and "(" in cand.surface:
                cand = cand.with_(
                    kind="org",
                    name=inner[0].name,
                    ref_id=inner[0].ref_id,
                    type=inner[0].type,
                    origin="reference",
                )
        kept = [k for k in kept if k not in overlapping]
        kept.append(cand)
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
