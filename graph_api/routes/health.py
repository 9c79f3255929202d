"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from queries.db import ping
from queries.errors import VielfaltError

router = APIRouter(tags=["health"])


@router.get("/health")
def health() -> dict[str, str]:
    """The process is up (says nothing about the database)."""
    return {"status": "ok"}


@router.get("/ready", response_model=None)
def ready() -> JSONResponse | dict[str, str]:
    """Neo4j answers a query: 200, else 503 with the reason."""
    try:
        ping()
    except VielfaltError as exc:
        return JSONResponse(status_code=503, content={"status": "unavailable", "reason": str(exc)})
    return {"status": "ready"}
