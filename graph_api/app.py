"""The FastAPI application: routers, the GraphQL endpoint and the pages, assembled once."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from queries.db import close_async_driver, close_driver
from queries.errors import InputError, NotFound, QueryLimitError, VielfaltError

from .analysis_processes import shutdown_worker_processes
from .execution_threads import shutdown_execution_threads
from .graphql_app import build_graphql_router
from .limits import RequestGuard
from .public_errors import INTERNAL, is_public
from .routes import graphiql, health, pages

__all__ = ["create_app"]

log = logging.getLogger(__name__)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The modules and the schema built at start-up live as long as the process: moved out
    # of the collector's reach, a full collection scans one request's garbage instead of
    # the whole heap (it paused every request in flight for ~100 ms twice a second).
    gc.collect()
    gc.freeze()
    # GraphQL requests run in execution threads, statistics and writes in worker threads;
    # the event loop thread waits for the interpreter lock up to the switch interval each
    # time it wakes (5 ms by default, several times per request). 1 ms keeps /health fast
    # while a thread computes.
    sys.setswitchinterval(0.001)
    yield
    shutdown_execution_threads()
    shutdown_worker_processes()
    await close_async_driver()
    close_driver()


def _status_of(exc: VielfaltError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, QueryLimitError | InputError):
        return 400
    return 503  # the database or the configuration: the service is unavailable


def create_app() -> FastAPI:
    """The app. No CORS middleware on purpose: browsers on other origins get no
    ``Access-Control-Allow-Origin`` and so cannot read answers (pages and GraphiQL are
    same-origin); :class:`RequestGuard` bounds every request's body and duration."""
    app = FastAPI(title="vielfalt-graph", lifespan=_lifespan)
    app.include_router(health.router)
    app.include_router(build_graphql_router(), prefix="/graphql")
    app.include_router(graphiql.router)
    app.include_router(pages.router)
    app.add_middleware(RequestGuard)

    @app.exception_handler(VielfaltError)
    async def _project_error(request: Request, exc: VielfaltError) -> JSONResponse:
        if not is_public(exc):
            log.error("%s failed", request.url.path, exc_info=exc)
            return JSONResponse(status_code=_status_of(exc), content={"error": INTERNAL})
        log.warning("%s refused: %s", request.url.path, exc)
        return JSONResponse(status_code=_status_of(exc), content={"error": str(exc)})

    return app
