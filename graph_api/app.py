"""The FastAPI application: routers, the GraphQL endpoint and the pages, assembled once."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from queries.db import close_async_driver, close_driver
from queries.errors import InputError, NotFound, QueryLimitError, VielfaltError

from .graphql_app import build_graphql_router
from .routes import health, pages

__all__ = ["create_app"]


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The modules and the schema built at start-up live as long as the process: moved out
    # of the collector's reach, a full collection scans one request's garbage instead of
    # the whole heap (it paused every request in flight for ~100 ms twice a second).
    gc.collect()
    gc.freeze()
    yield
    await close_async_driver()
    close_driver()


def _status_of(exc: VielfaltError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, QueryLimitError | InputError):
        return 400
    return 503  # the database or the configuration: the service is unavailable


def create_app() -> FastAPI:
    app = FastAPI(title="vielfalt-graph", lifespan=_lifespan)
    app.include_router(health.router)
    app.include_router(build_graphql_router(), prefix="/graphql")
    app.include_router(pages.router)

    @app.exception_handler(VielfaltError)
    async def _project_error(request: Request, exc: VielfaltError) -> JSONResponse:
        return JSONResponse(status_code=_status_of(exc), content={"error": str(exc)})

    return app
