"""API keys: who may change the graph (and, if configured, who may read it).

Keys travel as ``Authorization: Bearer <key>``; the settings hold only their sha256 hex
(:func:`queries.settings.hash_api_key`), so a leaked settings file leaks no key. Comparison
is constant-time. Permissions are Strawberry permission classes, so a refused field comes back
as a GraphQL error with a German message instead of a bare HTTP status.
"""

from __future__ import annotations

import hmac
from typing import Any

from starlette.requests import HTTPConnection
from strawberry.permission import BasePermission
from strawberry.types import Info

from queries.settings import Settings, hash_api_key

__all__ = ["bearer_key", "key_is_valid", "CanRead", "CanWrite"]


def bearer_key(request: HTTPConnection | None) -> str | None:
    """The key of an ``Authorization: Bearer <key>`` header, or None."""
    if request is None:
        return None
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        return None
    return key.strip()


def key_is_valid(key: str | None, settings: Settings) -> bool:
    """Whether ``key`` hashes to one of ``settings.api_key_hashes``.

    >>> from queries.settings import Settings
    >>> s = Settings(API_KEY_HASHES=[hash_api_key("geheim")])
    >>> key_is_valid("geheim", s), key_is_valid("falsch", s), key_is_valid(None, s)
    (True, False, False)
    """
    if not key:
        return False
    digest = hash_api_key(key)
    return any(hmac.compare_digest(digest, h.strip().lower()) for h in settings.api_key_hashes)


class CanWrite(BasePermission):
    message = (
        "Für Änderungen wird ein gültiger API-Schlüssel benötigt "
        "(Header 'Authorization: Bearer <Schlüssel>')"
    )

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        allowed = bool(info.context.authorized)
        if allowed:  # the request may write now: it is not made again (graphql_app)
            info.context.wrote = True
        return allowed


class CanRead(BasePermission):
    message = (
        "Diese API verlangt auch zum Lesen einen API-Schlüssel "
        "(Header 'Authorization: Bearer <Schlüssel>')"
    )

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return bool(info.context.authorized or not info.context.settings.api_read_requires_key)
