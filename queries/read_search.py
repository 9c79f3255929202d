"""Ranked name search over the full-text index ``entity_names``, tolerant of one typo.

Names are stored folded in several spellings (:mod:`queries.folding`: "Köln" as ``koeln``
and ``koln``); the query is folded by the same :func:`queries.folding.fold` before Lucene
sees it, because Lucene does not analyse wildcard or fuzzy terms. Each term matches as a
whole word (boosted), as a prefix, and from four letters on with one edit (``~1``: a
letter missing, extra, wrong or two swapped), which ranks lowest.
"""

from __future__ import annotations

import re
from typing import Any

from .db import Read
from .errors import InputError
from .folding import fold
from .records import SearchRow, entity_from
from .statements import statement

__all__ = ["fold", "lucene_query", "search_entities"]

_SEARCH = statement("api_search_entities")
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_TERM = re.compile(r"\w+", re.UNICODE)
_MAX_TERMS = 8
_MAX_TEXT = 200  # characters; a longer "name" is no name, and Lucene would choke on it
_MAX_TERM = 50  # characters per term (a prefix query of a huge term is refused by Lucene)
_FUZZY_FROM = 4


def _term_query(term: str) -> str:
    escaped = _LUCENE_SPECIAL.sub(r"\\\1", term)
    fuzzy = f" OR {escaped}~1^0.5" if len(term) >= _FUZZY_FROM else ""
    return f"({escaped}^3 OR {escaped}*^2{fuzzy})"


def lucene_query(text: str) -> str:
    """A safe Lucene query: every folded term must match as a word, prefix or near miss.

    >>> lucene_query("Köln")
    '(koeln^3 OR koeln*^2 OR koeln~1^0.5)'
    >>> lucene_query("AWO: Kreis-Verband").split(" AND ")[:2]
    ['(awo^3 OR awo*^2)', '(kreis^3 OR kreis*^2 OR kreis~1^0.5)']
    """
    if len(text) > _MAX_TEXT:
        raise InputError("text", f"Suchbegriff zu lang (höchstens {_MAX_TEXT} Zeichen)")
    terms = [t[:_MAX_TERM] for t in _TERM.findall(fold(text))[:_MAX_TERMS]]
    if not terms:
        raise InputError("text", "Suchbegriff ohne Buchstaben oder Ziffern")
    return " AND ".join(_term_query(t) for t in terms)


def search_entities(text: str, *, first: int = 10) -> Read[list[SearchRow]]:
    """Organisations and programmes whose name or alias matches ``text``, best first."""

    def shape(rows: list[dict[str, Any]]) -> list[SearchRow]:
        return [
            SearchRow(
                entity_from(r["label"], r["id"], r["name"], r["type"], r["aliases"]),
                r["label"],
                float(r["score"]),
            )
            for r in rows
        ]

    return Read(_SEARCH, {"lucene": lucene_query(text), "limit": first}, shape)
