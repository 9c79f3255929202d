"""The GraphQL endpoint (Strawberry) mounted on the FastAPI app at /graphql."""

from __future__ import annotations

from fastapi import APIRouter


def build_graphql_router() -> APIRouter:
    return APIRouter()
