"""Request body limit and wall-clock budget, as one ASGI middleware around the whole app.

A 10 MB body used to be read into memory and parsed before anything looked at it. Here the
declared ``Content-Length`` is checked before a byte of the body is read, and a body without
one (chunked) is counted chunk by chunk as the app reads it: past ``API_MAX_BODY_BYTES`` the
answer is 413, without waiting for the rest. Every request also has a wall-clock budget
(``API_REQUEST_TIMEOUT``): past it the request is cancelled and answered with 503, so no
request can hold a connection and its memory for minutes. A GraphQL request in its execution
thread is told to stop (``execution_threads``: it resolves no further field); work already
handed to a worker thread runs on until its database timeout, but nobody waits for it.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from queries.settings import get_settings

__all__ = ["RequestGuard"]

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class _BodyTooLarge(Exception):
    pass


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else -1
    return None


async def _answer(scope: Scope, send: Send, status: int, code: str, message: str) -> None:
    """A German error: GraphQL-shaped under /graphql, ``{"error": ...}`` elsewhere."""
    if scope.get("path", "").startswith("/graphql"):
        payload: dict[str, Any] = {
            "data": None,
            "errors": [{"message": message, "extensions": {"code": code}}],
        }
    else:
        payload = {"error": message}
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    headers = [
        (b"content-type", b"application/json; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """ASGI middleware: 413 above ``API_MAX_BODY_BYTES``, 503 after ``API_REQUEST_TIMEOUT``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        settings = get_settings()
        limit = settings.api_max_body_bytes
        too_large = f"Anfrage zu groß: höchstens {limit} Bytes"
        declared = _declared_length(scope)
        if declared is not None and not 0 <= declared <= limit:
            log.warning("refused %s: body of %s bytes", scope.get("path"), declared)
            await _answer(scope, send, 413, "BODY_TOO_LARGE", too_large)
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            async with asyncio.timeout(settings.api_request_timeout):
                await self.app(scope, counted_receive, tracked_send)
        except _BodyTooLarge:
            log.warning("refused %s: body above %d bytes", scope.get("path"), limit)
            if not started:
                await _answer(scope, send, 413, "BODY_TOO_LARGE", too_large)
        except TimeoutError:
            log.warning("%s stopped after %g s", scope.get("path"), settings.api_request_timeout)
            if not started:
                await _answer(
                    scope,
                    send,
                    503,
                    "REQUEST_TIMEOUT",
                    f"Die Anfrage hat länger als {settings.api_request_timeout:g} s gedauert "
                    "und wurde abgebrochen",
                )
