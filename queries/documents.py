"""Documents as readers cite them: title and report year.

The loader stores a document's title; a report year it does not store, so it is read as
the year most of the document's dated measures carry (the later one on a tie). That is
an estimate — a report on 2021 dates most of its measures 2021 — and ``None`` when no
measure of the document is dated.
"""

from __future__ import annotations

from . import db
from .records import DocumentRow
from .settings import Settings
from .statements import statement

__all__ = ["document_infos"]

_YEARS = statement("document_years")


def document_infos(settings: Settings | None = None) -> dict[str, DocumentRow]:
    """Every document by id, with its report year (:attr:`DocumentRow.citation`)."""
    return {r["id"]: DocumentRow.from_map(r) for r in db.read(_YEARS, settings)}
