"""The GraphQL endpoint (Strawberry) mounted on the FastAPI app at /graphql, with GraphiQL.

Two things differ from Strawberry's router: GraphiQL is our page with vendored files
(``routes/graphiql.py``; Strawberry's loads from a CDN and stays blank offline), and an answer
larger than ``GRAPHQL_MAX_RESPONSE_BYTES`` is replaced by a German error (the item budget of
``limits.items`` usually stops such an answer earlier, while it is built).
"""

from __future__ import annotations

import json
import logging

from fastapi import Request
from fastapi.responses import HTMLResponse
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from queries.settings import get_settings

from .context import ApiContext, context_getter
from .limits.items import TooManyItems
from .routes.graphiql import graphiql_page
from .schema import schema

__all__ = ["build_graphql_router"]

log = logging.getLogger(__name__)


class _Router(GraphQLRouter[ApiContext, None]):
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
