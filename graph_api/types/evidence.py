"""Evidence: where a fact was seen (document, line, page, quote)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from queries import records

from ..context import ApiContext

if TYPE_CHECKING:
    from .document import Document

__all__ = ["Evidence"]


@strawberry.type(description="Beleg: Dokument, Zeile, Seite (-1: keine) und Zitat")
class Evidence:
    # named like records.Evidence's attribute, so a row can stand in for this type (types/links.py)
    doc: str = strawberry.field(
        name="docId", description="Dokument-Kennung; 'curation' für Koordination"
    )
    line: int | None
    page: int | None
    quote: str | None
    # the year its sentence states (records.Evidence.year), else the report's: see evidence_year
    year: strawberry.Private[int | None] = None

    @classmethod
    def from_row(cls, row: records.Evidence) -> Evidence:
        return cls(doc=row.doc, line=row.line, page=row.page, quote=row.quote, year=row.year)

    @strawberry.field(
        name="year",
        description="Jahr des Belegs: im Satz genannt, sonst das Berichtsjahr des Dokuments",
    )
    async def evidence_year(self, info: Info[ApiContext, None]) -> int | None:
        if self.year is not None:
            return self.year
        row = await info.context.loaders.document.load(self.doc)
        return row.year if row else None

    @strawberry.field(description="Das Dokument (null für Belege aus der Koordination)")
    async def document(
        self, info: Info[ApiContext, None]
    ) -> Annotated[Document, strawberry.lazy("graph_api.types.document")] | None:
        from .document import Document

        row = await info.context.loaders.document.load(self.doc)
        return Document.from_row(row) if row else None
