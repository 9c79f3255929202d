"""A budget of list items per GraphQL answer, counted while graphql-core builds it.

The cost estimate prices a list without ``first`` at 20 entries, but some are much longer
(an organisation with hundreds of measures): measures -> organisation -> measures, two
levels under a page of 100, passed the estimate and built 16 MB in 13.6 s before the
response cap replaced it. So execution counts the entries of every list it completes; past
``GRAPHQL_MAX_ITEMS`` the list that crossed it is an error, every later one stays empty (its
items are neither resolved nor fetched), and the router answers with that one error instead
of a partial result.

The same stop serves a request nobody waits for any more (``ApiContext.abandoned``, set
when the wall-clock budget cancels it): no field is resolved or completed after that, so a
cancelled request frees its execution thread within milliseconds, not after building its
answer (graphql-core does not await between most fields, so a task cancellation alone
would only take effect once a whole level was built).
"""

from __future__ import annotations

from collections.abc import Sized
from typing import Any

from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from queries.errors import QueryLimitError
from queries.settings import get_settings

__all__ = ["ItemBudget", "TooManyItems"]


class TooManyItems(QueryLimitError):
    """The answer would hold more list entries than ``GRAPHQL_MAX_ITEMS``."""


class ItemBudget(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's execution context with a count of completed list entries."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = 0
        self.max_items = get_settings().graphql_max_items

    @property
    def stopped(self) -> bool:
        """Over budget or abandoned: the answer is discarded, build nothing more."""
        return self.items > self.max_items or getattr(self.context_value, "abandoned", False)

    def execute_field(self, *args: Any, **kwargs: Any) -> Any:
        """Once stopped, no field is resolved any more (the answer is discarded anyway)."""
        if self.stopped:
            return None
        return super().execute_field(*args, **kwargs)

    def complete_list_value(
        self,
        return_type: Any,
        field_details_list: Any,
        info: Any,
        path: Any,
        result: Any,
        *rest: Any,
    ) -> Any:
        if self.stopped:
            return []  # over budget and already reported once, or abandoned
        if isinstance(result, Sized):
            self.items += len(result)
            if self.items > self.max_items:
                raise TooManyItems(
                    f"Antwort zu groß: mehr als {self.max_items} Listeneinträge "
                    "(GRAPHQL_MAX_ITEMS). Bitte weniger tief verschachteln oder kleinere "
                    "Seiten (first) anfragen."
                )
        return super().complete_list_value(
            return_type, field_details_list, info, path, result, *rest
        )
