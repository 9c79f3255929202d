"""The GraphQL endpoint (Strawberry) mounted on the FastAPI app at /graphql, with GraphiQL."""

from __future__ import annotations

from strawberry.fastapi import GraphQLRouter

from .context import ApiContext, context_getter
from .schema import schema

__all__ = ["build_graphql_router"]


def build_graphql_router(*, batching: bool = True) -> GraphQLRouter[ApiContext, None]:
    """The router; ``batching=False`` gives naive per-field resolvers (benchmark only)."""
    return GraphQLRouter(schema, context_getter=context_getter(batching), graphql_ide="graphiql")
