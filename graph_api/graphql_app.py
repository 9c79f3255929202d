"""The GraphQL endpoint (Strawberry) mounted on the FastAPI app at /graphql, with GraphiQL.

Three things differ from Strawberry's router: GraphiQL is our page with vendored files
(``routes/graphiql.py``; Strawberry's loads from a CDN and stays blank offline); an answer
larger than ``GRAPHQL_MAX_RESPONSE_BYTES`` is replaced by a German error (the item budget of
``limits.items`` usually stops such an answer earlier, while it is built); and a request is
executed, and its answer encoded, in an execution thread (:mod:`.execution_threads`), not on
the event loop that serves /health and the pages; all of it in one view of the documents
(:func:`queries.db.consistent_async_in`), so its levels agree on the documents during a
load. The body is read on the app's loop first (the ASGI ``receive`` belongs to it;
``limits.http`` counts it there).
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging

from fastapi import Request, WebSocket
from fastapi.responses import HTMLResponse, Response
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from queries.db import consistent_async_in
from queries.errors import VielfaltError
from queries.settings import get_settings

from .context import ApiContext, context_getter
from .execution_threads import in_execution_thread
from .limits.items import TooManyItems
from .routes.graphiql import graphiql_page
from .schema import schema

__all__ = ["build_graphql_router"]

log = logging.getLogger(__name__)


class _Router(GraphQLRouter[ApiContext, None]):
    async def run(  # type: ignore[override]
        self,
        request: Request | WebSocket,
        context: ApiContext | None = None,
        root_value: None = None,
    ) -> Response | WebSocket:
        """Strawberry's handling of one request (parse, limits, execute, encode), in an
        execution thread; abandoned there when this side is cancelled (wall-clock budget):
        it then stops resolving and completing fields."""
        if isinstance(request, WebSocket) or not isinstance(context, ApiContext):
            return await super().run(request, context, root_value)  # type: ignore[arg-type]
        # set by the route just before run(); a later request overwrites it, so keep it here
        request.state.sub_response = self.temporal_response  # type: ignore[attr-defined]
        await request.body()  # read here, kept by the request for the thread
        work = self._in_one_view(request, context)
        try:
            return await in_execution_thread(
                work, threads=context.settings.graphql_execution_threads
            )
        except asyncio.CancelledError:
            context.abandoned = True
            raise

    async def _in_one_view(self, request: Request, context: ApiContext) -> Response:
        """The request in one view of the documents; when no view can be had (Neo4j down,
        or documents changing under every attempt) once without one: each read then takes
        a view of its own and a failing one is a GraphQL error of its field, as before."""
        try:
            return await consistent_async_in(
                functools.partial(self._attempt, request, context),
                context.settings,
                may_repeat=lambda: not context.wrote,
            )
        except VielfaltError:
            if context.wrote:
                raise
            log.warning("no consistent view of the documents: reading without one")
            return await self._attempt(request, context)

    async def _attempt(self, request: Request, context: ApiContext) -> Response:
        """One execution of the request in the view of the documents taken for it
        (:mod:`queries.view`): every level sees the same documents; when one changed under
        it, the request is made again from fresh DataLoaders (a request that wrote is not)."""
        context.start_attempt()
        response: Response = await super().run(request, context, None)
        return response

    async def get_sub_response(self, request: Request) -> Response:
        sub_response: Response = request.state.sub_response
        return sub_response

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return graphiql_page()

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """An answer over the item budget is that one error, not a partial result with an
        error for every list left unbuilt."""
        for error in result.errors or ():
            if isinstance(error.original_error, TooManyItems):
                code = {"code": "TOO_MANY_ITEMS"}
                return {"data": None, "errors": [{"message": error.message, "extensions": code}]}
        return await super().process_result(request, result)

    def encode_json(self, data: object) -> str:
        body = json.dumps(data)  # ASCII: characters are bytes
        limit = get_settings().graphql_max_response_bytes
        if len(body) <= limit:
            return body
        log.warning("GraphQL answer of %d bytes replaced (limit %d)", len(body), limit)
        message = (
            f"Antwort zu groß: {len(body)} Bytes, erlaubt sind {limit}. Bitte weniger Felder "
            "oder kleinere Seiten (first) anfragen."
        )
        error = {"message": message, "extensions": {"code": "RESPONSE_TOO_LARGE"}}
        return json.dumps({"data": None, "errors": [error]})


def build_graphql_router(*, batching: bool = True) -> GraphQLRouter[ApiContext, None]:
    """The router; ``batching=False`` gives naive per-field resolvers (benchmark only)."""
    return _Router(schema, context_getter=context_getter(batching), graphql_ide="graphiql")
