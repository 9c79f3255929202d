"""``finditer`` for patterns that begin with ``\\b``, without trying every character.

Why: ``re`` jumps ahead to the places where a match can begin only when the pattern
begins with a character, a character class or a choice of literal words. A pattern that
begins with ``\\b`` ("a word starts here") defeats this, and ``re`` runs the whole pattern
at every character of the text: the naming patterns spend most of their time failing so.

:func:`word_matches` searches the pattern *without* its leading ``\\b`` (which ``re`` can
jump through) and tries the whole pattern only where that matched. This finds exactly
what ``finditer`` finds: wherever the whole pattern matches, the rest of it matches too
(dropping a condition only allows more); a match at a given place is the same whichever
call makes it (``match(text, pos)`` sees the characters before ``pos``, as ``\\b`` and
look-behinds need); and the search goes on after each match as ``finditer`` does. A test
compares the two on every naming pattern.

>>> import re
>>> regex = re.compile(r"\\bStadt\\s+\\w+")
>>> [m.group() for m in word_matches(regex, "Hansestadt Bremen, Stadt Essen")]
['Stadt Essen']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

__all__ = ["word_matches"]

_WORD_START = r"\b"


@lru_cache(maxsize=256)
def _rest(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """``regex`` without its leading ``\\b``, if ``re`` can jump through that; else None."""
    if not regex.pattern.startswith(_WORD_START):
        return None
    rest = regex.pattern[len(_WORD_START) :]
    return re.compile(rest, regex.flags) if _jumps(rest, regex.flags) else None


def _jumps(pattern: str, flags: int) -> bool:
    """Whether ``re`` jumps to the places where ``pattern`` can begin: it begins with a
    character, a character class or a choice of alternatives that each begin with a
    character (the test of ``re._compiler._compile_info``).

    Why: otherwise the pattern without its ``\\b`` is tried at every character as well and
    matches inside words too, which is slower than the pattern itself ("Kreis" in
    "Landkreis"). Only speed depends on this answer: an unknown form answers False.
    """
    if flags & re.IGNORECASE:
        return False
    try:
        ops = sre_parse.parse(pattern, flags).data
        while ops and ops[0][0] is sre.SUBPATTERN:  # a group: look into it
            ops = ops[0][1][3].data
        if not ops:
            return False
        op, arg = ops[0]
        if op is sre.LITERAL or op is sre.IN:
            return True
        if op is sre.BRANCH:
            return all(alt.data and alt.data[0][0] is sre.LITERAL for alt in arg[1])
    except Exception:  # noqa: BLE001 - a private module changed: just take the slow way
        return False
    return False


def word_matches(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)``, faster when ``regex`` begins with ``\\b``."""
    rest = _rest(regex)
    if rest is None:
        yield from regex.finditer(text)
        return
    pos = 0
    while (candidate := rest.search(text, pos)) is not None:
        m = regex.match(text, candidate.start())
        if m is None:
            pos = candidate.start() + 1
            continue
        yield m
        # finditer goes on where a match ends; the patterns given here never match empty
        # text (after an empty match this goes on a character later, never looping)
        pos = m.end() if m.end() > m.start() else m.start() + 1
