"""Typed reads of entities for the API: batches by id and keyset-paginated lists.

Every function runs exactly one statement (one database round trip), so a caller can count
round trips by counting calls. Batch functions take many ids at once because the GraphQL
layer's DataLoaders collect the ids of a whole request level before asking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
    "organisations_page",
    "programmes_page",
    "measures_page",
    "organisation_type_counts",
]

_ORGS_BY_IDS = statement("api_organisations_by_ids")
_PROGS_BY_IDS = statement("api_programmes_by_ids")
_DOCS_BY_IDS = statement("api_documents_by_ids")
_ORGS_PAGE = statement("api_organisations_page")
_PROGS_PAGE = statement("api_programmes_page")
_MEASURES_PAGE = statement("api_measures_page")
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


def _check_category(category: int | None) -> None:
    if category is not None and category not in CATEGORIES:
        from .errors import InputError

        raise InputError("fieldOfAction", f"Handlungsfeld {category} gibt es nicht (1-6)")


def organisations_by_ids(
    ids: Sequence[str], settings: Settings | None = None
) -> dict[str, OrganisationRow]:
    """The organisations among ``ids`` that exist, by id."""
    rows = db.read(_ORGS_BY_IDS, settings, ids=list(ids))
    return {r["id"]: OrganisationRow(r["id"], r["name"], r["type"], tuple(r["aliases"]))
            for r in rows}


def programmes_by_ids(
    ids: Sequence[str], settings: Settings | None = None
) -> dict[str, ProgrammeRow]:
    """The programmes among ``ids`` that exist, by id."""
    rows = db.read(_PROGS_BY_IDS, settings, ids=list(ids))
    return {r["id"]: ProgrammeRow(r["id"], r["name"], r["kind"], tuple(r["aliases"]))
            for r in rows}


def documents_by_ids(
    ids: Sequence[str], settings: Settings | None = None
) -> dict[str, DocumentRow]:
    """The documents among ``ids`` that exist (``curation`` evidence has none), by id."""
    rows = db.read(_DOCS_BY_IDS, settings, ids=list(ids))
    return {r["id"]: DocumentRow(r["id"], r["title"], r["path"], r["loaded_at"]) for r in rows}


def _page(rows: list[dict], limit: int) -> tuple[list[dict], bool, int | None]:
    row = rows[0] if rows else {"rows": [], "total": None}
    items = list(row["rows"])
    return items[:limit], len(items) > limit, row["total"]


def organisations_page(
    flt: OrganisationFilter,
    *,
    first: int,
    after: str | None = None,
    with_total: bool = True,
    settings: Settings | None = None,
) -> Page:
    """Up to ``first`` organisations with ids after ``after``, in id order (keyset paging).

    One extra row is fetched to know whether a next page exists.
    """
    _check_category(flt.category)
    rows = db.read(
        _ORGS_PAGE, settings, name_contains=flt.name_contains, type=flt.type,
        programme=flt.programme, category=flt.category, after=after, limit=first + 1,
        with_total=with_total,
    )
    items, has_next, total = _page(rows, first)
    orgs = tuple(OrganisationRow(r["id"], r["name"], r["type"], tuple(r["aliases"]))
                 for r in items)
    return Page(orgs, total if with_total else None, has_next)


def programmes_page(
    flt: ProgrammeFilter,
    *,
    first: int,
    after: str | None = None,
    with_total: bool = True,
    settings: Settings | None = None,
) -> Page:
    """Up to ``first`` programmes with ids after ``after``, in id order (keyset paging)."""
    rows = db.read(
        _PROGS_PAGE, settings, name_contains=flt.name_contains, kind=flt.kind,
        participant=flt.participant, after=after, limit=first + 1, with_total=with_total,
    )
    items, has_next, total = _page(rows, first)
    progs = tuple(ProgrammeRow(r["id"], r["name"], r["kind"], tuple(r["aliases"]))
                  for r in items)
    return Page(progs, total if with_total else None, has_next)


def measures_page(
    flt: MeasureFilter,
    *,
    first: int,
    after: str | None = None,
    with_total: bool = True,
    settings: Settings | None = None,
) -> Page:
    """Up to ``first`` measures with ids after ``after``, in id order (keyset paging)."""
    _check_category(flt.category)
    rows = db.read(
        _MEASURES_PAGE, settings, name_contains=flt.name_contains, type=flt.type,
        category=flt.category, year=flt.year, organisation=flt.organisation,
        programme=flt.programme, after=after, limit=first + 1, with_total=with_total,
    )
    items, has_next, total = _page(rows, first)
    return Page(tuple(MeasureRow.from_map(r) for r in items),
                total if with_total else None, has_next)


def organisation_type_counts(settings: Settings | None = None) -> dict[str, int]:
    """Organisations per type (``Sonstige`` for those without one)."""
    return {r["type"]: r["n"] for r in db.read(_ORG_TYPES, settings)}
