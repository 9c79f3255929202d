"""How the network changes between report years: who is new, which cooperations are new,
which programmes grow.

Why: coordinators compare this year's reports with last year's. A fact (an organisation,
a link) dates from the earliest report year among the documents that contain it; a
document's report year is the estimate of :mod:`queries.documents`. Facts only found in
documents without a year are counted under ``year=None`` ("ohne Jahr"), after the years.
Works on any set of loaded reports: one year gives one row, none gives an empty list.

>>> entities = [{"id": "a", "label": "Organisation", "name": "A", "docs": ["d1"]},
...             {"id": "b", "label": "Organisation", "name": "B", "docs": ["d2"]}]
>>> links = [{"source": "a", "target": "b", "type": "COOPERATES_WITH", "docs": ["d2"]}]
>>> [(c.year, c.new_organisations, c.new_cooperations) for c in
...  network_change(entities, links, {"d1": 2021, "d2": 2022})]
[(2021, ('A',), ()), (2022, ('B',), (('A', 'B'),))]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import db
from ..documents import document_infos
from ..schema import LINK_TYPES
from ..settings import Settings
from ..statements import statement

__all__ = ["YearChange", "network_change", "programme_growth", "change_inputs", "first_year"]

_ENTITIES = statement("change_entities")
_LINKS = statement("change_links")
_MEMBERSHIP = {"PARTICIPATES_IN", "SIGNED"}


@dataclass(frozen=True)
class YearChange:
    """What one report year adds (``year`` None: facts from documents without a year)."""

    year: int | None
    documents: int
    new_organisations: tuple[str, ...]
    new_programmes: tuple[str, ...]
    new_cooperations: tuple[tuple[str, str], ...]
    organisations: int  # known so far (this year included)
    cooperations: int


def first_year(docs: Iterable[str], years: Mapping[str, int | None]) -> int | None:
    """The earliest report year among ``docs``; None when none of them has a year."""
    known = [y for d in docs if (y := years.get(d)) is not None]
    return min(known) if known else None


def _order(year: int | None) -> tuple[bool, int]:
    return (year is None, year or 0)


def network_change(
    entities: Iterable[Mapping[str, Any]],
    links: Iterable[Mapping[str, Any]],
    years: Mapping[str, int | None],
) -> list[YearChange]:
    """One :class:`YearChange` per report year (ascending), names sorted."""
    entities = [e for e in entities if e["docs"]]
    names = {e["id"]: e["name"] or e["id"] for e in entities}
    seen_org = {
        e["id"]: first_year(e["docs"], years) for e in entities if e["label"] == "Organisation"
    }
    seen_prog = {
        e["id"]: first_year(e["docs"], years) for e in entities if e["label"] == "Programme"
    }
    coops = {
        (r["source"], r["target"]): first_year(r["docs"], years)
        for r in links
        if r["type"] == "COOPERATES_WITH" and r["docs"]
    }
    per_doc_year = [years.get(d) for d in {d for e in entities for d in e["docs"]}]
    all_years = sorted(set(per_doc_year) | set(seen_org.values()) | set(coops.values()), key=_order)
    out, orgs_so_far, coops_so_far = [], 0, 0
    for year in all_years:
        new_orgs = sorted(names[o] for o, y in seen_org.items() if y == year)
        new_coops = sorted(
            tuple(sorted((names.get(a, a), names.get(b, b))))
            for (a, b), y in coops.items()
            if y == year
        )
        orgs_so_far += len(new_orgs)
        coops_so_far += len(new_coops)
        out.append(
            YearChange(
                year=year,
                documents=sum(1 for y in per_doc_year if y == year),
                new_organisations=tuple(new_orgs),
                new_programmes=tuple(sorted(names[p] for p, y in seen_prog.items() if y == year)),
                new_cooperations=tuple(new_coops),
                organisations=orgs_so_far,
                cooperations=coops_so_far,
            )
        )
    return out


def programme_growth(
    links: Iterable[Mapping[str, Any]],
    years: Mapping[str, int | None],
    names: Mapping[str, str],
    *,
    first: int = 10,
) -> dict[str, dict[int | None, int]]:
    """For the ``first`` programmes with most participants: participating or signing
    organisations known by each report year (cumulative), programmes by name.

    >>> links = [{"source": "a", "target": "p", "type": "SIGNED", "docs": ["d1"]},
    ...          {"source": "b", "target": "p", "type": "PARTICIPATES_IN", "docs": ["d2"]}]
    >>> programme_growth(links, {"d1": 2021, "d2": 2022}, {"p": "Charta"})
    {'Charta': {2021: 1, 2022: 2}}
    """
    joined: dict[str, dict[str, int | None]] = {}
    for r in links:
        if r["type"] in _MEMBERSHIP and r["docs"]:
            year = first_year(r["docs"], years)
            members = joined.setdefault(r["target"], {})
            old = members.get(r["source"], year)
            members[r["source"]] = min(old, year, key=_order)
    all_years = sorted({y for m in joined.values() for y in m.values()}, key=_order)
    best = sorted(joined, key=lambda p: (-len(joined[p]), names.get(p, p)))[:first]
    growth = {}
    for p in best:
        growth[names.get(p, p)] = {
            y: sum(1 for j in joined[p].values() if _order(j) <= _order(y)) for y in all_years
        }
    return growth


def change_inputs(
    settings: Settings | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, int | None]]:
    """Entities with their documents, typed links with theirs, and each document's year."""
    entities = db.read(_ENTITIES, settings)
    links = db.read(_LINKS, settings, types=[t.value for t in LINK_TYPES])
    years = {k: d.year for k, d in document_infos(settings).items()}
    return entities, links, years
