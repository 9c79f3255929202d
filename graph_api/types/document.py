"""Document: a partner report (brochure, page) the graph was built from.

``path`` is the file name only: the folder it was loaded from is the server's business.
"""

from __future__ import annotations

import re

import strawberry

from queries.records import DocumentRow

__all__ = ["Document"]


@strawberry.type(description="Ein Quelldokument (Bericht, Broschüre, Webseite)")
class Document:
    id: strawberry.ID
    title: str | None = strawberry.field(description="Titel, aus dem Text gelesen")
    publisher: str | None = strawberry.field(description="Herausgeber, aus dem Text gelesen")
    year: int | None = strawberry.field(description="Berichtsjahr")
    loaded_at: str | None
    path: str | None = strawberry.field(description="Dateiname der Quelle (ohne Verzeichnis)")

    @classmethod
    def from_row(cls, row: DocumentRow) -> Document:
        return cls(
            id=strawberry.ID(row.id),
            title=row.title,
            publisher=row.publisher,
            year=row.year,
            path=file_name(row.path),
            loaded_at=row.loaded_at,
        )


def file_name(path: str | None) -> str | None:
    r"""The last part of a POSIX or Windows path; URLs keep theirs too.

    >>> file_name("/srv/corpus/bericht.pdf"), file_name(r"C:\daten\b.html"), file_name(None)
    ('bericht.pdf', 'b.html', None)
    """
    if path is None:
        return None
    return re.split(r"[\\/]", path.rstrip("/\\"))[-1] or None
