"""The Neo4j driver, and the one place where driver errors become project errors.

Every read and write in the project goes through :func:`read`, :func:`write` or
:func:`execute`, so connection and authentication problems always reach users as one
line that says what to do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

import neo4j
from neo4j import exceptions as neo4j_errors

from .errors import AuthError, DatabaseError, DatabaseUnavailable, QueryLimitError
from .schema import CATEGORIES
from .settings import Settings, get_settings
from .statements import all_statements, statement

__all__ = [
    "get_driver",
    "close_driver",
    "translated_errors",
    "read",
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


@lru_cache(maxsize=4)
def _driver_for(uri: str, user: str, password: str) -> neo4j.Driver:
    driver = neo4j.GraphDatabase.driver(
        uri,
        auth=(user, password),
        connection_timeout=5.0,
        max_connection_pool_size=100,
        max_transaction_retry_time=2.0,  # fail fast when the server is down
        notifications_min_severity="OFF",  # "unknown relationship type" on a young graph
    )
    _open.append(driver)
    return driver


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


def _session(settings: Settings) -> neo4j.Session:
    return get_driver(settings).session(database=settings.neo4j_database)


def read(query: str, settings: Settings | None = None, **params: Any) -> list[dict[str, Any]]:
    """Run a read statement in a managed transaction, with the per-request timeout."""
    s = settings or get_settings()

    @neo4j.unit_of_work(timeout=s.neo4j_query_timeout)
    def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
        return [r.data() for r in tx.run(query, params)]

    with translated_errors(s), _session(s) as session:
        return session.execute_read(work)


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
