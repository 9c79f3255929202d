"""Ranked name search over the full-text index ``entity_names``.

The index uses the ``standard-folding`` analyzer (lowercase, umlauts folded: ü -> u).
Lucene does not analyse wildcard terms, so the query is folded here the same way before
``*`` is appended: "Düssel" becomes ``dussel*`` and finds "Düsseldorf". Each term also
counts as an exact match with a boost, so whole words rank above prefixes.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .db import Read
from .errors import InputError
from .read_records import SearchRow, entity_from
from .statements import statement

__all__ = ["fold", "lucene_query", "search_entities"]

_SEARCH = statement("api_search_entities")
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_TERM = re.compile(r"\w+", re.UNICODE)
_MAX_TERMS = 8
_MAX_TEXT = 200  # characters; a longer "name" is no name, and Lucene would choke on it
_MAX_TERM = 50  # characters per term (a prefix query of a huge term is refused by Lucene)


def fold(text: str) -> str:
    """Lowercase and strip accents like the ``standard-folding`` analyzer.

    >>> fold("Düsseldorf Straße")
    'dusseldorf strasse'
    """
    text = text.replace("ß", "ss").replace("ẞ", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def lucene_query(text: str) -> str:
    """A safe Lucene query: every folded term must match, as a word (boosted) or prefix.

    >>> lucene_query("Düssel")
    '(dussel^2 OR dussel*)'
    >>> lucene_query("AWO: Kreis-Verband")
    '(awo^2 OR awo*) AND (kreis^2 OR kreis*) AND (verband^2 OR verband*)'
    """
    if len(text) > _MAX_TEXT:
        raise InputError("text", f"Suchbegriff zu lang (höchstens {_MAX_TEXT} Zeichen)")
    terms = [t[:_MAX_TERM] for t in _TERM.findall(fold(text))[:_MAX_TERMS]]
    if not terms:
        raise InputError("text", "Suchbegriff ohne Buchstaben oder Ziffern")
    escaped = [_LUCENE_SPECIAL.sub(r"\\\1", t) for t in terms]
    return " AND ".join(f"({t}^2 OR {t}*)" for t in escaped)


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
