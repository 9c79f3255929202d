"""Documents as readers cite them: title, publisher and report year.

The loader stores title, publisher and year as it read them from the text
(``loaders.document_meta``) or as the corrections file sets them. For a graph loaded
before years were stored, the year is estimated as the year most of the document's dated
measures carry (the later one on a tie); ``None`` when nothing is known.

>>> DocumentInfo("d", "Vielfalt in der Metropole Ruhr", 2011).citation
'„Vielfalt in der Metropole Ruhr“ (2011)'
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
    publisher: str | None = None

    @property
    def citation(self) -> str:
        """Title and year as a German reader expects: „Titel“ (2021)."""
        return f"„{self.title}“" + (f" ({self.year})" if self.year is not None else "")


def document_infos(settings: Settings | None = None) -> dict[str, DocumentInfo]:
    """Every document by id, with the year the pages filter by."""
    return {
        r["id"]: DocumentInfo(r["id"], r["title"], r["year"], r["publisher"])
        for r in db.read(_YEARS, settings)
    }
