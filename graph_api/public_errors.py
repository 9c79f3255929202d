"""Which errors a caller may read, and how they are logged: one policy for GraphQL and REST.

A caller may see what it can act on: a limit it broke, an input it got wrong, an id that is
not there, a database that is down. Everything else (a query Neo4j refused, a wrong database
password, a bug) is masked as "Interner Fehler" and logged with its traceback; the messages
of Neo4j and Python stay in the server log. User errors are logged as one line each, without a
traceback: they are the caller's, not the server's.
"""

from __future__ import annotations

import logging

from graphql import GraphQLError

from queries.errors import (
    DatabaseUnavailable,
    InputError,
    NotFound,
    QueryLimitError,
    VielfaltError,
)

__all__ = ["INTERNAL", "is_public", "is_public_graphql", "log_graphql_errors"]

log = logging.getLogger("graph_api.errors")
INTERNAL = "Interner Fehler; Details stehen im Server-Log."
_PUBLIC = (NotFound, QueryLimitError, InputError, DatabaseUnavailable)


def is_public(exc: BaseException) -> bool:
    """Whether the message of a project error may be shown to the caller.

    >>> is_public(NotFound("x")), is_public(VielfaltError("Neo4j refused a query: ..."))
    (True, False)
    """
    return isinstance(exc, _PUBLIC)


def is_public_graphql(error: GraphQLError) -> bool:
    """A GraphQL error the caller may read: syntax, validation, limits, permissions, or a
    public project error. Anything a resolver raised by accident is not."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return True
    return isinstance(original, VielfaltError) and is_public(original)


def log_graphql_errors(errors: list[GraphQLError]) -> None:
    """Log each error once: user errors as a line, internal ones with their traceback.
    The same message at many places of one answer is logged once."""
    seen: set[str] = set()
    for error in errors:
        if error.message in seen:
            continue
        seen.add(error.message)
        if is_public_graphql(error):
            log.warning("GraphQL request refused: %s", error.message)
        else:
            log.error("GraphQL request failed: %s", error.message, exc_info=error.original_error)
