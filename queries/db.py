"""The Neo4j driver, and the one place where driver errors become project errors.

Every read and write in the project goes through :func:`read`, :func:`write` or
:func:`execute`, so connection and authentication problems always reach users as one
line that says what to do.

A statement that names ``$hidden`` reads facts of documents: it runs in the view of the
request (:mod:`queries.view`), which passes the documents hidden at the request's start as
``$hidden``; outside a request's view it takes a view of its own (:func:`consistent`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

import neo4j
from neo4j import exceptions as neo4j_errors

from . import view as _views
from .errors import AuthError, DatabaseError, DatabaseUnavailable, QueryLimitError
from .folding import refresh_stale_search_text
from .schema import CATEGORIES
from .settings import Settings, get_settings
from .statements import all_statements, statement
from .view import View, active, consistent_async

__all__ = [
    "get_driver",
    "close_driver",
    "translated_errors",
    "Read",
    "read",
    "fetch",
    "fetch_async",
    "look",
    "look_async",
    "consistent",
    "consistent_async_in",
    "close_async_driver",
    "write",
    "execute",
    "auto_commit",
    "ping",
    "apply_schema",
    "clear_database",
    "counts",
]

log = logging.getLogger(__name__)
T = TypeVar("T")
_open: list[neo4j.Driver] = []
_async_open: dict[tuple[asyncio.AbstractEventLoop, str, str, str], neo4j.AsyncDriver] = {}
_DRIVER_OPTIONS: dict[str, Any] = {
    "connection_timeout": 5.0,
    "max_connection_pool_size": 100,
    "max_transaction_retry_time": 2.0,  # fail fast when the server is down
    "notifications_min_severity": "OFF",  # "unknown relationship type" on a young graph
}


@lru_cache(maxsize=4)
def _driver_for(uri: str, user: str, password: str) -> neo4j.Driver:
    driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), **_DRIVER_OPTIONS)
    _open.append(driver)
    return driver


def _async_driver(settings: Settings) -> neo4j.AsyncDriver:
    """The async driver of the running event loop (an async driver belongs to one loop)."""
    uri, user, password = settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password
    key = (asyncio.get_running_loop(), uri, user, password)
    if key not in _async_open:
        auth = (user, password)
        _async_open[key] = neo4j.AsyncGraphDatabase.driver(uri, auth=auth, **_DRIVER_OPTIONS)
    return _async_open[key]


async def close_async_driver() -> None:
    """Close the async drivers of the running event loop (end of the app)."""
    loop = asyncio.get_running_loop()
    for key in [k for k in _async_open if k[0] is loop]:
        await _async_open.pop(key).close()


def get_driver(settings: Settings | None = None) -> neo4j.Driver:
    """The process-wide driver for the configured server (created on first use)."""
    s = settings or get_settings()
    return _driver_for(s.neo4j_uri, s.neo4j_user, s.neo4j_password)


def close_driver() -> None:
    """Close every driver this process opened (end of a CLI command or of the app)."""
    for settings_driver in _open:
        settings_driver.close()
    _open.clear()
    _driver_for.cache_clear()


@contextmanager
def translated_errors(settings: Settings | None = None) -> Iterator[None]:
    """Turn driver exceptions into the project's errors, with advice for users."""
    s = settings or get_settings()
    try:
        yield
    except neo4j_errors.AuthError as exc:
        raise AuthError(
            f"Neo4j at {s.neo4j_uri} rejected user {s.neo4j_user!r}: check NEO4J_PASSWORD "
            "(for the local instance: the password it was installed with)"
        ) from exc
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as exc:
        raise DatabaseUnavailable(
            f"Neo4j is not reachable at {s.neo4j_uri}: start it with `vielfalt neo4j start` "
            "or point NEO4J_URI at a running server"
        ) from exc
    except neo4j_errors.ClientError as exc:
        code = exc.code or ""
        if "TransactionTimedOut" in code or "Terminated" in code:
            raise QueryLimitError(
                f"the database query took longer than {s.neo4j_query_timeout:g} s and was stopped"
            ) from exc
        if "DatabaseNotFound" in code:
            raise DatabaseError(
                f"Neo4j has no database {s.neo4j_database!r}: check NEO4J_DATABASE"
            ) from exc
        raise DatabaseError(f"Neo4j refused a query: {exc.message}") from exc
    except neo4j_errors.Neo4jError as exc:
        raise DatabaseError(f"Neo4j failed: {exc.message}") from exc
    except neo4j_errors.DriverError as exc:
        raise DatabaseError(f"Neo4j driver error: {exc}") from exc


def _session(settings: Settings, access: str = neo4j.WRITE_ACCESS) -> neo4j.Session:
    """A session; with a routing URI, reads go to readers and see this process's writes.

    Through ``neo4j://`` a read may be served by a follower or read replica that has not
    applied the last write yet; sessions that share the driver's bookmark manager wait
    until the server has (causal consistency within this process). ``bolt://`` talks to
    one server, where every read sees every committed write anyway.
    """
    driver = get_driver(settings)
    if settings.neo4j_routing:
        return driver.session(
            database=settings.neo4j_database,
            default_access_mode=access,
            bookmark_manager=driver.execute_query_bookmark_manager,
        )
    return driver.session(database=settings.neo4j_database, default_access_mode=access)


@dataclass(frozen=True)
class Read(Generic[T]):
    """A read statement, its parameters and the function that turns its rows into the answer.

    Describing a read instead of running it lets the same Cypher and shaping run on the
    blocking driver (:func:`fetch`: CLI, pages, curation) and on the async driver
    (:func:`fetch_async`: the API's event loop, where handing each query to a thread cost
    a quarter of a request's CPU).
    """

    query: str
    params: dict[str, Any]
    shape: Callable[[list[dict[str, Any]]], T]


_VIEW = statement("documents_view")


def _view_of(rows: list[dict[str, Any]]) -> View:
    (row,) = rows
    return View(row["changes"], tuple(row["hidden"]), row["changes_after"])


def _in_view(query: str, params: dict[str, Any]) -> dict[str, Any] | None:
    """``params`` with the active view's ``hidden`` for a statement that reads documents'
    facts; None when such a statement runs outside any view (it needs one of its own)."""
    if "$hidden" not in query:
        return params
    current = active()
    if current is None:
        return None
    return {**params, "hidden": list(current.hidden)}


def read(query: str, settings: Settings | None = None, **params: Any) -> list[dict[str, Any]]:
    """Run a read statement with the per-request timeout (in the request's view).

    An auto-commit transaction: one network round trip (RUN and PULL) instead of two
    (BEGIN with RUN and PULL, then COMMIT). Rows are taken as they come
    (``dict(record.items())``): ``Record.data()`` walks every nested value again and was a
    fifth of the API's CPU.
    """
    s = settings or get_settings()
    sent = _in_view(query, params)
    if sent is None:
        return consistent(lambda: read(query, s, **params), s)
    with translated_errors(s), _session(s, neo4j.READ_ACCESS) as session:
        result = session.run(neo4j.Query(query, timeout=s.neo4j_query_timeout), sent)
        # neo4j's Record.items() carries no annotations
        return [dict(r.items()) for r in result]  # type: ignore[no-untyped-call]


def look(settings: Settings | None = None) -> View:
    """The count of document changes and the hidden documents now (:mod:`queries.view`)."""
    return _view_of(read(_VIEW, settings))


def consistent(work: Callable[[], T], settings: Settings | None = None) -> T:
    """``work()``, all of its reads in one view of the documents (:func:`queries.view.consistent`):
    a page, a command, a read outside a request."""
    return _views.consistent(work, lambda: look(settings))


def fetch(spec: Read[T], settings: Settings | None = None) -> T:
    """Run a :class:`Read` on the blocking driver."""
    return spec.shape(read(spec.query, settings, **spec.params))


async def _rows_async(query: str, params: dict[str, Any], s: Settings) -> list[dict[str, Any]]:
    with translated_errors(s):
        driver = _async_driver(s)
        bookmarks = driver.execute_query_bookmark_manager if s.neo4j_routing else None
        async with driver.session(
            database=s.neo4j_database,
            default_access_mode=neo4j.READ_ACCESS,
            bookmark_manager=bookmarks,
        ) as session:
            result = await session.run(neo4j.Query(query, timeout=s.neo4j_query_timeout), params)
            return [dict(r.items()) async for r in result]  # type: ignore[no-untyped-call]


async def look_async(settings: Settings | None = None) -> View:
    """:func:`look` on the async driver of the running event loop."""
    return _view_of(await _rows_async(_VIEW, {}, settings or get_settings()))


async def consistent_async_in(
    work: Callable[[], Awaitable[T]],
    settings: Settings | None = None,
    *,
    may_repeat: Callable[[], bool] = lambda: True,
) -> T:
    """:func:`consistent` on the event loop (a GraphQL request; see
    :func:`queries.view.consistent_async`)."""
    return await consistent_async(work, lambda: look_async(settings), may_repeat=may_repeat)


async def fetch_async(spec: Read[T], settings: Settings | None = None) -> T:
    """Run a :class:`Read` on the async driver of the running event loop (in the request's
    view)."""
    s = settings or get_settings()
    sent = _in_view(spec.query, spec.params)
    if sent is None:
        return await consistent_async_in(lambda: fetch_async(spec, s), s)
    return spec.shape(await _rows_async(spec.query, sent, s))


def write(query: str, settings: Settings | None = None, **params: Any) -> list[dict[str, Any]]:
    """Run one write statement in its own managed transaction."""
    s = settings or get_settings()
    with translated_errors(s), _session(s) as session:
        return session.execute_write(lambda tx: [r.data() for r in tx.run(query, params)])


def execute(work: Callable[[neo4j.ManagedTransaction], T], settings: Settings | None = None) -> T:
    """Run several statements as one write transaction: all of them happen or none."""
    s = settings or get_settings()
    with translated_errors(s), _session(s) as session:
        return session.execute_write(work)


def auto_commit(query: str, settings: Settings | None = None, **params: Any) -> None:
    """Schema changes and `CALL ... IN TRANSACTIONS` need an auto-commit transaction."""
    s = settings or get_settings()
    with translated_errors(s), _session(s) as session:
        session.run(query, params).consume()


def ping(settings: Settings | None = None) -> None:
    """Raise a project error unless Neo4j answers a query."""
    read(statement("ping"), settings)


def apply_schema(settings: Settings | None = None) -> None:
    """Create constraints, indexes and the categories; safe to run any number of times."""
    for name, text in all_statements().items():
        if name.startswith("schema_"):
            auto_commit(text, settings)
    rows = [{"id": k, "name": v} for k, v in CATEGORIES.items()]
    write(statement("merge_categories"), settings, rows=rows)
    refreshed = execute(refresh_stale_search_text, settings)
    if refreshed:
        log.info("search text refreshed for %d names", refreshed)
    log.info("schema applied")


def clear_database(settings: Settings | None = None) -> None:
    """Empty the graph in bounded transactions (relationships first: hubs stay cheap)."""
    auto_commit(statement("delete_all_relationships"), settings)
    auto_commit(statement("delete_all"), settings)


def counts(settings: Settings | None = None) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type."""
    nodes = {r["label"]: r["n"] for r in read(statement("count_nodes_by_label"), settings)}
    rels = {r["type"]: r["n"] for r in read(statement("count_rels_by_type"), settings)}
    return {"nodes": nodes, "relationships": rels}
