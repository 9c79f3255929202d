"""Relay-style connections: edges with opaque cursors, pageInfo and totalCount.

Cursors are the base64 of ``v1:<id>`` of the last row: paging is by key, not offset, so a
page stays stable while the graph grows and deep pages cost no more than the first.
"""

from __future__ import annotations

import base64
import binascii
from typing import Generic, TypeVar

import strawberry
from strawberry.types import Info

from queries.errors import InputError, QueryLimitError
from queries.records import Page

__all__ = [
    "PageInfo",
    "Edge",
    "Connection",
    "encode_cursor",
    "decode_cursor",
    "check_first",
    "wants_total",
]

T = TypeVar("T")
_PREFIX = "v1:"


def encode_cursor(key: str) -> str:
    """The opaque cursor of a row.

    >>> decode_cursor(encode_cursor("stadt-köln"))
    'stadt-köln'
    """
    return base64.urlsafe_b64encode((_PREFIX + key).encode("utf-8")).decode("ascii")


def decode_cursor(cursor: str | None) -> str | None:
    """The key inside a cursor; InputError for anything this API did not hand out."""
    if cursor is None:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        text = ""
    if not text.startswith(_PREFIX) or len(text) == len(_PREFIX):
        raise InputError("after", f"ungültiger Cursor {cursor!r}")
    return text[len(_PREFIX) :]


def check_first(first: int, max_page_size: int) -> None:
    """Reject page sizes below 0 or above the configured maximum."""
    if first < 0:
        raise InputError("first", "first darf nicht negativ sein")
    if first > max_page_size:
        raise QueryLimitError(f"first darf höchstens {max_page_size} sein (angefragt: {first})")


def wants_total(info: Info) -> bool:
    """Whether the query selected ``totalCount`` (counting costs a scan; skip it if not)."""
    return any(
        sel.name == "totalCount"
        for field in info.selected_fields
        for sel in field.selections
        if hasattr(sel, "name")
    )


@strawberry.type(description="Seiteninformation (Relay)")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type
class Connection(Generic[T]):
    total_count: int | None = strawberry.field(
        description="Anzahl aller Treffer des Filters (über alle Seiten)"
    )
    edges: list[Edge[T]]
    page_info: PageInfo


def to_connection(page: Page, nodes: list[T], *, after: str | None) -> Connection[T]:
    """Edges, cursors and pageInfo for one page of rows (``nodes`` mapped from ``page.rows``)."""
    edges = [
        Edge(node=n, cursor=encode_cursor(r.id)) for r, n in zip(page.rows, nodes, strict=True)
    ]
    info = PageInfo(
        has_next_page=page.has_next,
        has_previous_page=after is not None,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(total_count=page.total, edges=edges, page_info=info)
