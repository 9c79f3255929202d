"""Documents as readers cite them: title, publisher and report year.

The loader stores title, publisher and year as it read them from the text
(``loaders.source.document_meta``) or as the corrections file sets them. For a graph loaded
before years were stored, the year is estimated as the year most of the document's dated
measures carry (the later one on a tie); ``None`` when nothing is known.

>>> DocumentRow("d", "Vielfalt in der Metropole Ruhr", None, None, 2011).citation
'„Vielfalt in der Metropole Ruhr“ (2011)'
"""

from __future__ import annotations

from . import db
from .records import DocumentRow
from .settings import Settings
from .statements import statement

__all__ = ["document_infos"]

_YEARS = statement("document_years")


def document_infos(settings: Settings | None = None) -> dict[str, DocumentRow]:
    """Every document by id, with the year the pages filter by
    (:attr:`DocumentRow.citation`)."""
    return {r["id"]: DocumentRow.from_map(r) for r in db.read(_YEARS, settings)}
