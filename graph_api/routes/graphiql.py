"""GraphiQL's files (graph_api/static/graphiql/), served by the app itself.

Strawberry's GraphiQL page loads React and GraphiQL from a CDN: offline it stayed blank on
"Loading…". The router in ``graph_api.graphql_app`` renders our page instead, and this route
serves the vendored files it names (see the folder's README for versions and licences).
Only the files listed here are served; ``GRAPHIQL_ENABLED=false`` turns page and files off.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from queries.settings import get_settings

__all__ = ["router", "graphiql_page", "ASSETS"]

router = APIRouter(tags=["graphiql"])
_HERE = Path(__file__).resolve().parent.parent
ASSETS = _HERE / "static" / "graphiql"
_PAGE = _HERE / "templates" / "graphiql.html"
_TYPES = {
    "graphiql.min.js": "text/javascript",
    "react.production.min.js": "text/javascript",
    "react-dom.production.min.js": "text/javascript",
    "graphiql.min.css": "text/css",
}
_OFF = "GraphiQL ist auf diesem Server abgeschaltet (GRAPHIQL_ENABLED)."


def graphiql_page() -> HTMLResponse:
    """The GraphiQL page, or a German 404 when it is switched off."""
    if not get_settings().graphiql_enabled:
        return HTMLResponse(f"<!doctype html><p>{_OFF}</p>", status_code=404)
    return HTMLResponse(_PAGE.read_text(encoding="utf-8"))


@router.get("/static/graphiql/{name}", response_model=None)
def asset(name: str) -> Response:
    """One vendored GraphiQL file; nothing else from that folder."""
    if name not in _TYPES or not get_settings().graphiql_enabled:
        return JSONResponse(status_code=404, content={"error": f"keine Datei {name!r}"})
    return FileResponse(
        ASSETS / name, media_type=_TYPES[name], headers={"Cache-Control": "public, max-age=86400"}
    )
