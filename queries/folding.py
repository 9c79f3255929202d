"""One folding of names for search: umlauts both ways, accents, hyphens, case.

Why: people type "koeln" for Köln, "Dusseldorf" for Düsseldorf and "Diversitytag" for
Diversity-Tag. The full-text index ``entity_names`` analyses ``name`` with Lucene's
``standard-folding`` (ü -> u); the writers additionally store ``search_text``, built here
from the name and every alias in three spellings: umlauts written out (ü -> ue), umlauts
and accents dropped (ü -> u) and hyphens removed. :func:`fold` is the query's side of the
same rule, so "Köln", "koeln" and "koln" all meet one of the stored spellings.

Every writer of organisations and programmes calls :func:`refresh_search_text` for the
nodes it touched (in its own transaction); :func:`refresh_stale_search_text` brings nodes
written before :data:`SEARCH_VERSION` up to date when the schema is applied.

>>> fold("Köln-Mülheim Straße")
'koeln-muelheim strasse'
>>> search_text("Der Paritätische", ["Diversity-Tag"])
'der paritaetische | der paritatische | diversity-tag | diversitytag'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import neo4j

from .statements import statement

__all__ = [
    "fold",
    "fold_plain",
    "search_text",
    "refresh_search_text",
    "refresh_stale_search_text",
    "SEARCH_VERSION",
]

SEARCH_VERSION = 2
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_HYPHENS = re.compile(r"[-\u2010-\u2015\u00ad]")
_SOURCES = statement("search_text_sources")
_STALE = statement("search_text_stale")
_SET = statement("search_text_set")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lowercase, umlauts written out (ä -> ae, ß -> ss), other accents dropped.

    >>> fold("Münster Élysée ÄRZTE")
    'muenster elysee aerzte'
    """
    return _strip_accents(unicodedata.normalize("NFC", text).lower().translate(_UMLAUTS))


def fold_plain(text: str) -> str:
    """Lowercase with every accent dropped, umlauts too (ü -> u), ß -> ss.

    >>> fold_plain("Düsseldorf Straße")
    'dusseldorf strasse'
    """
    return _strip_accents(text.lower().replace("ß", "ss").replace("ẞ", "ss"))


def search_text(name: str, aliases: Iterable[str] = ()) -> str:
    """The stored search key of one node: each name in every folded spelling, once."""
    seen: dict[str, None] = {}
    for text in (name, *aliases):
        for variant in (fold(text), fold_plain(text)):
            seen.setdefault(variant, None)
            seen.setdefault(_HYPHENS.sub("", variant), None)
    return " | ".join(seen)


def _store(tx: neo4j.ManagedTransaction, rows: Sequence[dict[str, Any]]) -> int:
    keyed = [{"key": r["key"], "text": search_text(r["name"], r["aliases"])} for r in rows]
    if keyed:
        tx.run(_SET, rows=keyed, version=SEARCH_VERSION).consume()
    return len(keyed)


def refresh_search_text(tx: neo4j.ManagedTransaction, ids: Iterable[str]) -> int:
    """Recompute ``search_text`` of the organisations and programmes with these ids."""
    wanted = sorted(set(ids))
    if not wanted:
        return 0
    return _store(tx, [r.data() for r in tx.run(_SOURCES, ids=wanted)])


def refresh_stale_search_text(tx: neo4j.ManagedTransaction) -> int:
    """Recompute ``search_text`` where it was written by an older folding rule."""
    return _store(tx, [r.data() for r in tx.run(_STALE, version=SEARCH_VERSION)])
