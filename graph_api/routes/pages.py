"""The German network pages for coordinators (pyvis), served by the app.

Routes stay thin: one ``queries`` call (two for a page with a network and a profile), then
a template. Project errors become German HTML pages here rather than the JSON of the API
handler, because people, not programs, read these pages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from queries import network as net_queries
from queries.errors import InputError, NotFound, VielfaltError
from queries.network_groups import group_network
from queries.network_profile import organisation_profile, programme_profile
from queries.network_records import EntityProfile, LinkedEntity, MeasureRow
from queries.schema import CATEGORIES
from queries.settings import get_settings

from ..render import network_payload
from ..render_groups import group_members_payload, grouped_payload
from ..render_pages import render_page, static_file

__all__ = ["router", "link_phrase"]

log = logging.getLogger(__name__)
router = APIRouter(tags=["pages"])

# how the other end of a link relates to the page's entity: (page -> other, other -> page)
_PHRASES: dict[str, tuple[str, str]] = {
    "COOPERATES_WITH": ("Kooperation", "Kooperation"),
    "PARTICIPATES_IN": ("Teilnahme", "Teilnehmer"),
    "SIGNED": ("unterzeichnet", "Unterzeichner"),
    "FUNDED_BY": ("Förderer", "gefördert"),
    "PART_OF": ("übergeordnet", "untergeordnet"),
    "ORGANISED_BY": ("organisiert von", "organisiert"),
}


def link_phrase(link: LinkedEntity) -> str:
    """A short German label for a link seen from the page's entity.

    >>> link_phrase(LinkedEntity("org", "x", "X", None, "FUNDED_BY", outgoing=True))
    'Förderer'
    """
    out, inc = _PHRASES.get(link.link_type, (link.link_type, link.link_type))
    return out if link.outgoing else inc


def _html(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(
        render_page(template, link_phrase=link_phrase, **context), status_code=status
    )


def _error_page(exc: VielfaltError) -> HTMLResponse:
    if isinstance(exc, NotFound):
        return _html(
            "error.html",
            404,
            title="Nicht gefunden",
            message=f"{exc} – vielleicht hilft die Suche auf der Startseite.",
        )
    if isinstance(exc, InputError):
        return _html("error.html", 400, title="Ungültige Eingabe", message=exc.problem)
    log.warning("page failed: %s", exc)
    return _html("error.html", 503, title="Zurzeit nicht verfügbar", message=str(exc))


def _guarded(build: Callable[[], HTMLResponse]) -> HTMLResponse:
    try:
        return build()
    except VielfaltError as exc:
        return _error_page(exc)


@router.get("/", response_class=HTMLResponse)
def start(q: str = "") -> HTMLResponse:
    """Start page: search box, search results and key figures."""
    query = q.strip()[:200]

    def build() -> HTMLResponse:
        hits = net_queries.search_entities(query) if query else []
        return _html(
            "start.html", title="Start", query=query, hits=hits, figures=net_queries.key_figures()
        )

    return _guarded(build)


@router.get("/netzwerk", response_class=HTMLResponse)
def whole() -> HTMLResponse:
    """The whole network; grouped by community above VIZ_AGGREGATE_ABOVE nodes."""

    def build() -> HTMLResponse:
        net = net_queries.whole_network()
        limit = get_settings().viz_aggregate_above
        grouped = len(net.nodes) > limit
        if grouped:
            groups = group_network(net)
            payload = grouped_payload(groups, net, "/api/netzwerk/gruppe/")
        else:
            payload = network_payload(net)
        return _html(
            "network.html",
            title="Gesamtnetzwerk",
            payload=payload,
            nodes_total=len(net.nodes),
            links_total=len(net.links),
            grouped=grouped,
            aggregate_above=limit,
            group_count=len(payload["nodes"]),
        )

    return _guarded(build)


@router.get("/api/netzwerk/gruppe/{key}", response_model=None)
def group_members(key: str) -> JSONResponse | dict[str, Any]:
    """Members of one group of the aggregated whole network, for expanding it on click."""
    net = net_queries.whole_network()
    groups = group_network(net)
    if key not in {g.key for g in groups.groups}:
        return JSONResponse(status_code=404, content={"error": f"Gruppe {key!r} gibt es nicht"})
    return group_members_payload(groups, net, key)


def _measures_by_field(measures: tuple[MeasureRow, ...]) -> list[tuple[str, list[MeasureRow]]]:
    fields: dict[int | None, list[MeasureRow]] = {}
    for m in measures:
        fields.setdefault(m.category, []).append(m)
    order = sorted(fields, key=lambda c: (c is None, c or 0))
    return [
        (f"{c}. {CATEGORIES.get(c, '')}" if c is not None else "Ohne Handlungsfeld", fields[c])
        for c in order
    ]


def _synergies(org_id: str) -> list[Any] | None:
    """Synergy suggestions once queries.analytics.synergy exists; None hides the section."""
    try:
        from queries.analytics.synergy import synergies_for
    except ImportError:
        return None
    try:
        return list(synergies_for(org_id, first=10))
    except VielfaltError as exc:
        log.warning("no synergy suggestions for %s: %s", org_id, exc)
        return None


@router.get("/organisation/{org_id}", response_class=HTMLResponse)
def organisation(org_id: str, tiefe: str = "1") -> HTMLResponse:
    """An organisation: its ego network, measures, programmes, partners and synergies."""

    def build() -> HTMLResponse:
        if tiefe not in {"1", "2", "3"}:
            raise InputError("tiefe", "Die Tiefe muss 1, 2 oder 3 sein.")
        depth = int(tiefe)
        profile: EntityProfile = organisation_profile(org_id)
        ego = net_queries.ego_network(org_id, depth)
        return _html(
            "organisation.html",
            title=profile.name,
            profile=profile,
            depth=depth,
            payload=network_payload(ego),
            truncated=ego.truncated,
            node_count=len(ego.nodes),
            measures_by_field=_measures_by_field(profile.measures),
            programmes=[x for x in profile.links if x.kind == "prog"],
            partners=[x for x in profile.links if x.kind == "org"],
            synergies=_synergies(org_id),
        )

    return _guarded(build)


@router.get("/programm/{prog_id}", response_class=HTMLResponse)
def programme(prog_id: str) -> HTMLResponse:
    """A programme, its participants and how they are linked."""

    def build() -> HTMLResponse:
        profile = programme_profile(prog_id)
        net = net_queries.programme_network(prog_id)
        return _html(
            "programme.html",
            title=profile.name,
            profile=profile,
            payload=network_payload(net),
            participants=list(profile.links),
        )

    return _guarded(build)


@router.get("/static/{name}", response_model=None)
def static(name: str) -> Response:
    """vis-network (the copy inside pyvis) and the pages' own JS and CSS; nothing else."""
    found = static_file(name)
    if found is None:
        return JSONResponse(status_code=404, content={"error": f"keine Datei {name!r}"})
    path, media_type = found
    return FileResponse(
        path, media_type=media_type, headers={"Cache-Control": "public, max-age=3600"}
    )
