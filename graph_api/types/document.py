"""Document: a partner report (brochure, page) the graph was built from."""

from __future__ import annotations

import strawberry

from queries.read_records import DocumentRow

__all__ = ["Document"]


@strawberry.type(description="Ein Quelldokument (Bericht, Broschüre, Webseite)")
class Document:
    id: strawberry.ID
    title: str | None
    path: str | None
    loaded_at: str | None

    @classmethod
    def from_row(cls, row: DocumentRow) -> Document:
        return cls(
            id=strawberry.ID(row.id), title=row.title, path=row.path, loaded_at=row.loaded_at
        )
