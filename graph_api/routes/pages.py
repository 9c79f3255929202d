"""The German network pages for coordinators (pyvis), served by the app.

Routes stay thin: one ``queries`` call (two for a page with a network and a profile), then
a template. Project errors become German HTML pages here rather than the JSON of the API
handler, because people, not programs, read these pages.

The pages that compute (start page, whole network, organisation, programme, document) are
built in the analysis worker processes (:mod:`graph_api.analysis_processes`), bounded by
the analysis slots: in a thread of the app, the OS preempting the page thread while it held
the interpreter lock stalled every request (/health 159 ms during the organisation page with
depth 3 at load 5, 19 ms idle). A page comes back as its status and HTML.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from queries import network as net_queries
from queries.db import consistent, fetch
from queries.documents import document_infos
from queries.errors import InputError, NotFound, VielfaltError
from queries.network_groups import GROUPINGS
from queries.network_profile import organisation_profile, programme_profile
from queries.read_search import search_entities
from queries.records import (
    EntityProfile,
    LinkRow,
    MeasureRow,
    OrganisationRow,
    SearchRow,
)
from queries.schema import CATEGORIES
from queries.settings import Settings, get_settings
from queries.sources import CONTEXT_LINES, source_passage

from ..analysis_processes import in_worker_process
from ..analysis_slots import analysis_slot
from ..public_errors import INTERNAL, is_public
from ..render import network_payload
from ..render_pages import UNGROUPED, group_json, render_page, static_file, whole_network_page

__all__ = ["router", "link_phrase", "grouped_links", "LinkGroup"]

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


def link_phrase(link: LinkRow) -> str:
    """A short German label for a link seen from the page's entity.

    >>> link_phrase(LinkRow("a", "FUNDED_BY", True, OrganisationRow("x", "X", None), ()))
    'Förderer'
    """
    out, inc = _PHRASES.get(link.type, (link.type, link.type))
    return out if link.outgoing else inc


def _kind(link: LinkRow) -> str:
    return "org" if isinstance(link.other, OrganisationRow) else "prog"


@dataclass(frozen=True)
class LinkGroup:
    """One linked entity listed once, with every role it has towards the page's entity."""

    kind: str
    id: str
    name: str
    roles: tuple[str, ...]
    evidence: tuple[Any, ...]


def grouped_links(links: Iterable[LinkRow]) -> list[LinkGroup]:
    """The links of a page by entity: a participant that also signed is one entry with
    two roles, its quotes once each (first appearance keeps the order).

    >>> x = OrganisationRow("x", "X", None)
    >>> a = LinkRow("p", "PARTICIPATES_IN", False, x, ())
    >>> b = LinkRow("p", "SIGNED", False, x, ())
    >>> [(g.name, g.roles) for g in grouped_links([a, b])]
    [('X', ('Teilnehmer', 'Unterzeichner'))]
    """
    groups: dict[tuple[str, str], list[LinkRow]] = {}
    for link in links:
        groups.setdefault((_kind(link), link.other.id), []).append(link)
    out = []
    for (kind, id_), same in groups.items():
        roles = tuple(dict.fromkeys(link_phrase(x) for x in same))
        seen: dict[tuple[Any, Any], Any] = {}
        for x in same:
            for ev in x.evidence:
                seen.setdefault((ev.doc, ev.line), ev)
        out.append(LinkGroup(kind, id_, same[0].other.name, roles, tuple(seen.values())))
    return out


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
    if not is_public(exc):
        log.error("page failed", exc_info=exc)
        return _html("error.html", 503, title="Zurzeit nicht verfügbar", message=INTERNAL)
    log.warning("page failed: %s", exc)
    return _html("error.html", 503, title="Zurzeit nicht verfügbar", message=str(exc))


Page = tuple[int, str]


def _guarded(build: Callable[[], HTMLResponse]) -> Page:
    """The page ``build`` makes, or the German error page; as (status, HTML) to pickle."""
    try:
        response = consistent(build)  # all reads of the page see the same documents
    except VielfaltError as exc:
        response = _error_page(exc)
    return response.status_code, bytes(response.body).decode("utf-8")


_SETTING_NAMES = tuple(f.alias or name for name, f in Settings.model_fields.items())


def _settings_environ() -> dict[str, str]:
    """The app's settings as they stand in its environment (a test may change them)."""
    return {k: os.environ[k] for k in _SETTING_NAMES if k in os.environ}


def _with_environ(environ: dict[str, str], build: Callable[..., Page], *args: Any) -> Page:
    """In the worker: take the app's settings environment, then build the page."""
    current = {k: os.environ[k] for k in _SETTING_NAMES if k in os.environ}
    if current != environ:
        for name in current.keys() - environ.keys():
            del os.environ[name]
        os.environ.update(environ)
        get_settings.cache_clear()
    return build(*args)


async def _in_process(build: Callable[..., Page], *args: Any) -> HTMLResponse:
    """``build(*args)`` in a worker process, at most as many at once as analysis slots."""
    settings = get_settings()
    try:
        async with analysis_slot(settings.graphql_analysis_slots, settings.neo4j_query_timeout):
            status, html = await in_worker_process(
                _with_environ,
                _settings_environ(),
                build,
                *args,
                workers=settings.graphql_analysis_slots,
            )
    except VielfaltError as exc:
        return _error_page(exc)
    return HTMLResponse(html, status_code=status)


def _search(query: str) -> tuple[list[SearchRow], str]:
    """Ranked hits of the full-text search, and a German problem for unusable input."""
    if not query:
        return [], ""
    try:
        return fetch(search_entities(query, first=20)), ""
    except InputError as exc:
        return [], exc.problem


@router.get("/", response_class=HTMLResponse)
async def start(q: str = "") -> HTMLResponse:
    """Start page: search box, search results (full-text index, ranked) and key figures."""
    return await _in_process(_start_page, q.strip()[:200])


def _start_page(query: str) -> Page:
    def build() -> HTMLResponse:
        hits, problem = _search(query)
        return _html(
            "start.html",
            title="Start",
            query=query,
            hits=hits,
            problem=problem,
            figures=net_queries.key_figures(),
        )

    return _guarded(build)


def _grouping(nach: str) -> str:
    if nach not in GROUPINGS and nach != UNGROUPED:
        allowed = ", ".join(f"„{k}“" for k in GROUPINGS)
        raise InputError("nach", f"Gruppieren geht nach {allowed} oder „{UNGROUPED}“.")
    return nach


@router.get("/netzwerk", response_class=HTMLResponse)
async def whole(nach: str = "gemeinschaft") -> HTMLResponse:
    """The whole network grouped by community, programme or region (or every node, up to
    VIZ_AGGREGATE_ABOVE). Served from a cache keyed by the network's content."""
    return await _in_process(_whole_page, nach)


def _whole_page(nach: str) -> Page:
    def build() -> HTMLResponse:
        by = _grouping(nach)
        html = whole_network_page(
            net_queries.whole_network(), by, get_settings().viz_aggregate_above
        )
        return HTMLResponse(html)

    return _guarded(build)


@router.get("/api/suche", response_model=None)
def search_json(q: str = "") -> Response:
    """The start page's search for the network pages' search box: node keys, best first."""
    hits, problem = _search(q.strip()[:200])
    if problem:
        return JSONResponse(status_code=400, content={"error": problem})
    return JSONResponse({"hits": [{"key": h.key, "name": h.name} for h in hits]})


@router.get("/api/netzwerk/gruppe/{key}", response_model=None)
def group_members(key: str, nach: str = "gemeinschaft") -> Response:
    """Members of one group of the aggregated whole network, for expanding it on click."""
    if nach not in GROUPINGS:
        return JSONResponse(status_code=400, content={"error": f"keine Gruppierung {nach!r}"})
    body = group_json(net_queries.whole_network(), nach, key)
    if body is None:
        return JSONResponse(status_code=404, content={"error": f"Gruppe {key!r} gibt es nicht"})
    return Response(body, media_type="application/json")


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
async def organisation(org_id: str, tiefe: str = "1") -> HTMLResponse:
    """An organisation: its ego network, measures, programmes, partners and synergies."""
    return await _in_process(_organisation_page, org_id, tiefe)


def _organisation_page(org_id: str, tiefe: str) -> Page:
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
            programmes=grouped_links(x for x in profile.links if _kind(x) == "prog"),
            partners=grouped_links(x for x in profile.links if _kind(x) == "org"),
            synergies=_synergies(org_id),
            docs=document_infos(),
        )

    return _guarded(build)


@router.get("/programm/{prog_id}", response_class=HTMLResponse)
async def programme(prog_id: str) -> HTMLResponse:
    """A programme, its participants and how they are linked."""
    return await _in_process(_programme_page, prog_id)


def _programme_page(prog_id: str) -> Page:
    def build() -> HTMLResponse:
        profile = programme_profile(prog_id)
        net = net_queries.programme_network(prog_id)
        return _html(
            "programme.html",
            title=profile.name,
            profile=profile,
            payload=network_payload(net),
            participants=grouped_links(profile.links),
            docs=document_infos(),
        )

    return _guarded(build)


@router.get("/dokument/{doc_id}", response_class=HTMLResponse)
async def document(doc_id: str, zeile: int = 1) -> HTMLResponse:
    """A source document around a cited line, the cited sentence marked."""
    return await _in_process(_document_page, doc_id, zeile)


def _document_page(doc_id: str, zeile: int) -> Page:
    def build() -> HTMLResponse:
        passage = source_passage(doc_id, zeile)
        return _html(
            "document.html",
            title=passage.document.title,
            passage=passage,
            context=CONTEXT_LINES,
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
