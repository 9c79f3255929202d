"""The GraphQL abuse limits as a schema extension that runs around parsing.

Strawberry validates a document in its ``on_validate`` phase (the ValidationCache
extension calls graphql-core there), and validation is what exploded on a fragment bomb. So
the check hooks ``on_parse``: before parsing, the nesting of the text is measured (the parser
recurses per level); after it, the document is measured (:mod:`.cost`) while it is neither
validated nor executed and nothing has touched the database. A refused document gets one
GraphQL error with a German message and ``extensions.code``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema
from strawberry.extensions import SchemaExtension

from queries.settings import Settings, get_settings

from .cost import MAX_NESTING, TooDeep, estimate, longest_string, nesting

__all__ = ["RequestLimits", "check_document"]


def _refuse(code: str, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".") if n < 10**12 else "über 10^12"


def check_document(
    document: DocumentNode,
    variables: Mapping[str, Any] | None,
    settings: Settings,
    schema: GraphQLSchema,
) -> None:
    """Raise a GraphQLError if the parsed ``document`` breaks a limit of ``settings``."""
    s = settings
    longest = longest_string(document, variables)
    if longest > s.graphql_max_string_length:
        raise _refuse(
            "STRING_TOO_LONG",
            f"Zeichenkette zu lang: {longest} Zeichen (höchstens {s.graphql_max_string_length})",
        )
    try:
        found = estimate(document, schema, variables, max_page_size=s.graphql_max_page_size)
    except TooDeep:
        raise _refuse("QUERY_TOO_DEEP", "Anfrage zu tief verschachtelt") from None
    counts = (
        (found.fragments, s.graphql_max_fragments, "Fragmente", "TOO_MANY_FRAGMENTS"),
        (found.spreads, s.graphql_max_spreads, "Fragment-Verwendungen", "TOO_MANY_SPREADS"),
        (found.aliases, s.graphql_max_aliases, "Aliasse", "TOO_MANY_ALIASES"),
    )
    for count, limit, what, code in counts:
        if count > limit:
            raise _refuse(code, f"zu viele {what} in der Anfrage: {count} (höchstens {limit})")
    if found.cost > s.graphql_max_cost:
        raise _refuse(
            "QUERY_TOO_EXPENSIVE",
            f"Anfrage zu aufwendig: geschätzte Kosten {_number(found.cost)}, erlaubt sind "
            f"{_number(s.graphql_max_cost)}. Bitte kleinere Seiten (first) wählen oder "
            "weniger tief verschachteln.",
        )


class RequestLimits(SchemaExtension):
    """Nesting, string length, fragment, spread, alias and cost limits, before validation."""

    def on_parse(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is None and ctx.query and nesting(ctx.query) > MAX_NESTING:
            raise _refuse("QUERY_TOO_DEEP", "Anfrage zu tief verschachtelt")
        yield
        if ctx.graphql_document is None or ctx.pre_execution_errors:
            return  # not parsed: the parser's error is the answer
        variables = ctx.variables if isinstance(ctx.variables, dict) else None
        check_document(ctx.graphql_document, variables, get_settings(), ctx.schema._schema)
