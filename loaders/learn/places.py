"""German place names (reference data): a feature of the mention model and the key to
lists of local branches ("Dortmund (AWO)").

>>> ("Bad", "Driburg") in places()["Bad"]
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from loaders.errors import InputError
from loaders.reference import REFERENCE_DIR, read_yaml

__all__ = ["PLACES_FILE", "is_place", "is_town", "places"]

PLACES_FILE = REFERENCE_DIR / "places.yaml"
# what GeoNames adds to a town's name that texts leave off: "Kempten (Allgäu)", "Marburg an
# der Lahn", "Bernau bei Berlin"
_QUALIFIER = re.compile(r"\s+(?:\(.*\)|(?:an\s+der|am|im|in\s+der|ob\s+der|bei)\s+.+)$")


@lru_cache(maxsize=4)
def places(path: Path = PLACES_FILE) -> dict[str, tuple[tuple[str, ...], ...]]:
    """German place names by their first word (reference data, see scripts/make_places.py)."""
    data = read_yaml(path)
    names = data.get("places") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise InputError(str(path), "erwartet eine Liste 'places' von Ortsnamen")
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        words = tuple(name.split())
        by_first.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}


def is_place(text: str) -> bool:
    """Whether ``text`` is a German place name as a whole.

    >>> is_place("Bad Driburg"), is_place("Köln"), is_place("Ausbildung")
    (True, True, False)
    """
    words = tuple(text.split())
    return bool(words) and words in places().get(words[0], ())


@lru_cache(maxsize=4)
def _bare_towns(path: Path = PLACES_FILE) -> frozenset[str]:
    return frozenset(
        bare
        for words in places(path).values()
        for name in words
        if (bare := _QUALIFIER.sub("", " ".join(name))) != " ".join(name)
    )


def is_town(text: str) -> bool:
    """Whether ``text`` is a German place, also as texts name it without the qualifier of
    its official name.

    >>> is_town("Kempten"), is_town("Marburg"), is_town("Köln"), is_town("Allgäu")
    (True, True, True, False)
    """
    return is_place(text) or " ".join(text.split()) in _bare_towns()
