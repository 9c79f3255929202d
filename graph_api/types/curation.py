"""Inputs and results of the curation mutations."""

from __future__ import annotations

import strawberry

__all__ = ["EvidenceInput", "CurationResult"]


@strawberry.input(description="Beleg für eine von Hand ergänzte Verbindung")
class EvidenceInput:
    quote: str = strawberry.field(description="Der Satz oder die Begründung")
    doc: str | None = strawberry.field(
        default=None, description="Dokument-Kennung (Standard: 'curation')"
    )
    line: int | None = None
    page: int | None = None


@strawberry.type(description="Ergebnis einer Korrektur: im Graphen angewandt und gespeichert")
class CurationResult:
    ok: bool
    message: str
    recorded_in: str = strawberry.field(description="Die Korrekturdatei, die sie festhält")
