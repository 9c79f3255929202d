"""Documents as readers cite them: title and report year.

The loader stores a document's title; a report year it does not store, so it is read as
the year most of the document's dated measures carry (the later one on a tie). That is
an estimate — a report on 2021 dates most of its measures 2021 — and ``None`` when no
measure of the document is dated.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import db
from .settings import Settings
from .statements import statement

__all__ = ["DocumentInfo", "document_infos"]

_YEARS = statement("document_years")


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    title: str
    year: int | None

    @property
    def citation(self) -> str:
        """Title and year as a German reader expects: „Titel“ (2021)."""
        return f"„{self.title}“" + (f" ({self.year})" if self.year is not None else "")


def document_infos(settings: Settings | None = None) -> dict[str, DocumentInfo]:
    """Every document by id."""
    return {
        r["id"]: DocumentInfo(r["id"], r["title"], r["year"]) for r in db.read(_YEARS, settings)
    }
