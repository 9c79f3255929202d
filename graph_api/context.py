"""The typed per-request context: settings, the caller's rights, fresh DataLoaders.

DataLoaders are built per request so nothing is cached across callers. Every call into
``queries`` goes through :meth:`ApiContext.run`, which runs the (blocking) driver call in a
worker thread and counts it; each read function is one database round trip, so
``round_trips`` is what the N+1 test and the ``extensions.dbRoundTrips`` response field show.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from strawberry.fastapi import BaseContext

from queries.settings import Settings, get_settings

from .auth import bearer_key, key_is_valid
from .dataloaders import Loaders

__all__ = ["ApiContext", "context_getter"]

T = TypeVar("T")


class ApiContext(BaseContext):
    def __init__(self, settings: Settings, *, authorized: bool, batching: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.authorized = authorized
        self.round_trips = 0
        self.loaders = Loaders(self.run, batching=batching)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call a ``queries`` function with this request's settings, off the event loop."""
        self.round_trips += 1
        call = functools.partial(fn, *args, settings=self.settings, **kwargs)
        return await asyncio.to_thread(call)


def context_getter(batching: bool = True) -> Callable[[Request], Any]:
    """The FastAPI dependency that builds a fresh context per request."""

    async def get_context(request: Request) -> ApiContext:
        settings = get_settings()
        authorized = key_is_valid(bearer_key(request), settings)
        return ApiContext(settings, authorized=authorized, batching=batching)

    return get_context
