"""Typed rows that `queries` functions return to the API, the pages, the CLI and notebooks."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SynergySuggestion"]


@dataclass(frozen=True)
class SynergySuggestion:
    """Two organisations without a cooperation link that would fit together, and why.

    ``reasons`` are short German sentences for users, e.g.
    "Beide nehmen an Integration durch Qualifizierung (IQ) teil".
    """

    source_id: str
    target_id: str
    target_name: str
    score: float
    reasons: tuple[str, ...] = field(default_factory=tuple)
