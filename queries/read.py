"""Typed reads of entities for the API: batches by id and keyset-paginated lists.

Every function describes exactly one statement (a :class:`queries.db.Read`, one database
round trip) that the caller runs with ``db.fetch`` or, in the API, ``db.fetch_async``.
Batch functions take many ids at once because the GraphQL layer's DataLoaders collect the
ids of a whole request level before asking.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from . import db
from .db import Read
from .records import DocumentRow, MeasureRow, OrganisationRow, Page, ProgrammeRow
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
R = TypeVar("R")


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


def _by_id(
    query: str, ids: Sequence[str], from_map: Callable[[dict[str, Any]], R]
) -> Read[dict[str, R]]:
    return Read(query, {"ids": list(ids)}, lambda rows: {r["id"]: from_map(r) for r in rows})


def organisations_by_ids(ids: Sequence[str]) -> Read[dict[str, OrganisationRow]]:
    """The organisations among ``ids`` that exist, by id."""
    return _by_id(_ORGS_BY_IDS, ids, OrganisationRow.from_map)


def programmes_by_ids(ids: Sequence[str]) -> Read[dict[str, ProgrammeRow]]:
    """The programmes among ``ids`` that exist, by id."""
    return _by_id(_PROGS_BY_IDS, ids, ProgrammeRow.from_map)


def documents_by_ids(ids: Sequence[str]) -> Read[dict[str, DocumentRow]]:
    """The documents among ``ids`` that exist (``curation`` evidence has none), by id."""
    return _by_id(_DOCS_BY_IDS, ids, DocumentRow.from_map)


def filtered_page(
    flt: OrganisationFilter | ProgrammeFilter | MeasureFilter,
    *,
    first: int,
    after: str | None = None,
    with_total: bool = True,
) -> Read[Page]:
    """Up to ``first`` organisations, programmes or measures (by the type of ``flt``) with
    ids after ``after``, in id order (keyset paging).

    The filter's fields are the statement's parameters. One extra row is fetched to know
    whether a next page exists; ``total`` is only counted when ``with_total``.
    """
    _check_category(getattr(flt, "category", None))
    query, from_map = _PAGES[type(flt)]

    def shape(found: list[dict[str, Any]]) -> Page:
        page = found[0] if found else {"rows": [], "total": None}
        items = list(page["rows"])
        return Page(
            tuple(from_map(r) for r in items[:first]),
            page["total"] if with_total else None,
            len(items) > first,
        )

    params = {**asdict(flt), "after": after, "limit": first + 1, "with_total": with_total}
    return Read(query, params, shape)


def organisation_type_counts(settings: Settings | None = None) -> dict[str, int]:
    """Organisations per type (``Sonstige`` for those without one)."""
    return {r["type"]: r["n"] for r in db.read(_ORG_TYPES, settings)}
