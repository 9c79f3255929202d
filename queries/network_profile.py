"""The lists an organisation's or a programme's page shows beside its network.

Built from the reads GraphQL's fields use (:mod:`queries.read`, :mod:`queries.read_links`),
combined into one statement (:mod:`queries.read_batch`), so a page and the API cannot
disagree about an entity's measures or links. Measures come grouped by field of action on
the page, so they are sorted by category, year and title; links by the other end's kind,
name and link type, each with all of its evidence, since the page quotes it.
"""

from __future__ import annotations

from .db import fetch
from .errors import NotFound
from .read import organisations_by_ids, programmes_by_ids
from .read_batch import combined
from .read_links import LinkQuery, links_for, measures_of
from .records import EntityProfile, LinkRow, MeasureRow, OrganisationRow, kind_of
from .settings import Settings

__all__ = ["organisation_profile", "programme_profile"]


def _link_order(link: LinkRow) -> tuple[str, str, str]:
    label = "Organisation" if isinstance(link.other, OrganisationRow) else "Programme"
    return (kind_of(label), link.other.name, link.type)


def _measure_order(m: MeasureRow) -> tuple[bool, int, bool, int, str]:
    return (m.category is None, m.category or 0, m.year is None, m.year or 0, m.title or "")


def organisation_profile(org_id: str, settings: Settings | None = None) -> EntityProfile:
    """An organisation with its measures and every typed link; NotFound if unknown."""
    key = LinkQuery(org_id)
    orgs, measures, links = fetch(
        combined([organisations_by_ids([org_id]), measures_of([(org_id, None)]), links_for([key])]),
        settings,
    )
    if org_id not in orgs:
        raise NotFound(f"Organisation {org_id!r} ist nicht im Graphen")
    return EntityProfile(
        orgs[org_id],
        measures=tuple(sorted(measures.get((org_id, None), []), key=_measure_order)),
        links=tuple(sorted(links.get(key, []), key=_link_order)),
    )


def programme_profile(prog_id: str, settings: Settings | None = None) -> EntityProfile:
    """A programme with every typed link (its participants); NotFound if unknown."""
    key = LinkQuery(prog_id)
    progs, links = fetch(combined([programmes_by_ids([prog_id]), links_for([key])]), settings)
    if prog_id not in progs:
        raise NotFound(f"Programm {prog_id!r} ist nicht im Graphen")
    return EntityProfile(progs[prog_id], links=tuple(sorted(links.get(key, []), key=_link_order)))
