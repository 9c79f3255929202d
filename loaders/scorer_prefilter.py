"""The contract scorer's fuzzy name comparison, asked only where it can say yes.

Why: ``vielfalt eval`` spends nearly all its time in the scorer's ``same`` (two name sets
are one entity when they share a name or when two names of six characters or more have a
``difflib`` ratio of at least ``FUZZY``): about 900,000 ratios per run, almost all between
names of very different length, which can never reach 0.92. The scorer itself is not
changed; :func:`install` replaces the loaded module's ``same`` by one that calls the
module's own ``same`` on each pair of names that *can* match, and on no other:

- ``ratio() = 2 M / (len(x) + len(y))`` with ``M`` matched characters, ``M <= min(len)``;
  so ``ratio() <= 2 min / (len(x) + len(y))`` (difflib's ``real_quick_ratio``, computed
  with the same float formula), and a pair whose bound is below ``FUZZY`` is no match;
- pairs with a name under six characters are skipped by the scorer's rule itself;
- the answer is an *or* over pairs, so skipping pairs that are false changes nothing,
  and each pair's answer (a pure function of two strings) is remembered.

>>> import types
>>> calls = []
>>> def same(a, b):
...     calls.append((min(a), min(b)))
...     return bool(a & b)
>>> mod = types.SimpleNamespace(FUZZY=0.92, same=same)
>>> install(mod)
>>> mod.same({"stadt essen"}, {"stadt essen ev", "jobcenter essen"}), calls
(False, [])
>>> mod.same({"caritas essen"}, {"caritas essen"})
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["install"]

_MIN_FUZZY_LENGTH = 6  # the scorer compares names of this length or longer only


def install(module: Any) -> None:
    """Give the loaded scorer module a ``same`` with the same answers, found faster."""
    if getattr(module.same, "prefiltered", False):
        return
    original: Callable[[set[str], set[str]], bool] = module.same
    fuzzy = float(module.FUZZY)
    answers: dict[tuple[str, str], bool] = {}

    def same(a: set[str], b: set[str]) -> bool:
        if a & b:
            return True
        for x in a:
            lx = len(x)
            if lx < _MIN_FUZZY_LENGTH:
                continue
            for y in b:
                ly = len(y)
                if ly < _MIN_FUZZY_LENGTH or 2.0 * min(lx, ly) / (lx + ly) < fuzzy:
                    continue
                key = (x, y)
                answer = answers.get(key)
                if answer is None:
                    answer = answers[key] = original({x}, {y})
                if answer:
                    return True
        return False

    same.prefiltered = True  # type: ignore[attr-defined]
    module.same = same
