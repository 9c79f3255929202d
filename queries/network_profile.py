"""The lists an organisation's or a programme's page shows beside its network.

Measures come grouped by field of action on the page, so they are returned sorted by
category; links carry all their evidence, since the page quotes it.
"""

from __future__ import annotations

from typing import Any

from .db import read
from .errors import NotFound
from .network import evidence_of
from .network_records import EntityProfile, Evidence, LinkedEntity, MeasureRow
from .settings import Settings
from .statements import statement

__all__ = ["organisation_profile", "programme_profile"]

_ORG = statement("network_organisation")
_PROG = statement("network_programme")
_MEASURES = statement("network_organisation_measures")
_ORG_LINKS = statement("network_organisation_links")
_PROG_LINKS = statement("network_programme_links")


def _linked(rows: list[dict[str, Any]]) -> tuple[LinkedEntity, ...]:
    return tuple(
        LinkedEntity(
            kind=r["kind"],
            id=r["id"],
            name=r["name"] or r["id"],
            type=r["other_type"],
            link_type=r["type"],
            outgoing=bool(r["outgoing"]),
            evidence=evidence_of(r),
        )
        for r in rows
    )


def _measure(r: dict[str, Any]) -> MeasureRow:
    ev = None
    if r["doc"]:
        ev = Evidence(doc=r["doc"], line=r["line"], page=r["page"], quote=r["quote"] or "")
    cat = r["category"]
    return MeasureRow(
        id=r["id"],
        title=r["title"] or "(ohne Titel)",
        type=r["type"],
        year=r["year"],
        category=int(cat) if cat is not None else None,
        category_name=r["category_name"],
        evidence=ev,
    )


def organisation_profile(org_id: str, settings: Settings | None = None) -> EntityProfile:
    """An organisation with its measures and every typed link; NotFound if unknown."""
    rows = read(_ORG, settings, id=org_id)
    if not rows:
        raise NotFound(f"Organisation {org_id!r} ist nicht im Graphen")
    o = rows[0]
    return EntityProfile(
        kind="org",
        id=o["id"],
        name=o["name"] or o["id"],
        type=o["type"],
        aliases=tuple(o["aliases"]),
        measures=tuple(_measure(r) for r in read(_MEASURES, settings, id=org_id)),
        links=_linked(read(_ORG_LINKS, settings, id=org_id)),
    )


def programme_profile(prog_id: str, settings: Settings | None = None) -> EntityProfile:
    """A programme with every typed link (its participants); NotFound if unknown."""
    rows = read(_PROG, settings, id=prog_id)
    if not rows:
        raise NotFound(f"Programm {prog_id!r} ist nicht im Graphen")
    p = rows[0]
    return EntityProfile(
        kind="prog",
        id=p["id"],
        name=p["name"] or p["id"],
        type=p["type"],
        aliases=tuple(p["aliases"]),
        links=_linked(read(_PROG_LINKS, settings, id=prog_id)),
    )
