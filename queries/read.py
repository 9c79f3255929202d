"""Typed reads of entities for the API: batches by id and keyset-paginated lists.

Every function runs exactly one statement (one database round trip), so a caller can count
round trips by counting calls. Batch functions take many ids at once because the GraphQL
layer's DataLoaders collect the ids of a whole request level before asking.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from . import db
from .read_records import DocumentRow, MeasureRow, OrganisationRow, Page, ProgrammeRow
from .schema import CATEGORIES
from .settings import Settings
from .statements import statement

__all__ = [
    "OrganisationFilter",
    "ProgrammeFilter",
    "MeasureFilter",
    "organisations_by_ids",
    "programmes_by_ids",
    "documents_by_ids",
    "filtered_page",
    "organisation_type_counts",
]

_ORGS_BY_IDS = statement("api_organisations_by_ids")
_PROGS_BY_IDS = statement("api_programmes_by_ids")
_DOCS_BY_IDS = statement("api_documents_by_ids")
_ORG_TYPES = statement("api_organisation_types")


@dataclass(frozen=True)
class OrganisationFilter:
    name_contains: str | None = None
    type: str | None = None
    programme: str | None = None
    category: int | None = None


@dataclass(frozen=True)
class ProgrammeFilter:
    name_contains: str | None = None
    kind: str | None = None
    participant: str | None = None


@dataclass(frozen=True)
class MeasureFilter:
    name_contains: str | None = None
    type: str | None = None
    category: int | None = None
    year: int | None = None
    organisation: str | None = None
    programme: str | None = None


_PAGES: dict[type, tuple[str, Callable[[dict[str, Any]], Any]]] = {
    OrganisationFilter: (statement("api_organisations_page"), OrganisationRow.from_map),
    ProgrammeFilter: (statement("api_programmes_page"), ProgrammeRow.from_map),
    MeasureFilter: (statement("api_measures_page"), MeasureRow.from_map),
}


def _check_category(category: int | None) -> None:
    if category is not None and category not in CATEGORIES:
        from .errors import InputError

        raise InputError("fieldOfAction", f"Handlungsfeld {category} gibt es nicht (1-6)")


def organisations_by_ids(
    ids: Sequence[str], settings: Settings | None = None
) -> dict[str, OrganisationRow]:
    """The organisations among ``ids`` that exist, by id."""
    rows = db.read(_ORGS_BY_IDS, settings, ids=list(ids))
    return {r["id"]: OrganisationRow.from_map(r) for r in rows}


def programmes_by_ids(
    ids: Sequence[str], settings: Settings | None = None
) -> dict[str, ProgrammeRow]:
    """The programmes among ``ids`` that exist, by id."""
    rows = db.read(_PROGS_BY_IDS, settings, ids=list(ids))
    return {r["id"]: ProgrammeRow.from_map(r) for r in rows}


def documents_by_ids(
    ids: Sequence[str], settings: Settings | None = None
) -> dict[str, DocumentRow]:
    """The documents among ``ids`` that exist (``curation`` evidence has none), by id."""
    rows = db.read(_DOCS_BY_IDS, settings, ids=list(ids))
    return {r["id"]: DocumentRow.from_map(r) for r in rows}


def filtered_page(
    flt: OrganisationFilter | ProgrammeFilter | MeasureFilter,
    *,
    first: int,
    after: str | None = None,
    with_total: bool = True,
    settings: Settings | None = None,
) -> Page:
    """Up to ``first`` organisations, programmes or measures (by the type of ``flt``) with
    ids after ``after``, in id order (keyset paging).

    The filter's fields are the statement's parameters. One extra row is fetched to know
    whether a next page exists; ``total`` is only counted when ``with_total``.
    """
    _check_category(getattr(flt, "category", None))
    query, from_map = _PAGES[type(flt)]
    found = db.read(
        query, settings, **asdict(flt), after=after, limit=first + 1, with_total=with_total
    )
    page = found[0] if found else {"rows": [], "total": None}
    items = list(page["rows"])
    return Page(
        tuple(from_map(r) for r in items[:first]),
        page["total"] if with_total else None,
        len(items) > first,
    )


def organisation_type_counts(settings: Settings | None = None) -> dict[str, int]:
    """Organisations per type (``Sonstige`` for those without one)."""
    return {r["type"]: r["n"] for r in db.read(_ORG_TYPES, settings)}
