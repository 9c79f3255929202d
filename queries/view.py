"""One set of documents per request: every read of a request, page or command sees the same.

Why: Neo4j reads at read-committed isolation, and a load hides a document, writes its facts,
counts the change and shows the document, each in a transaction of its own
(docs/reliability.md, "Whole documents during a load"). A page or a GraphQL request makes
several statements; each one alone can be whole, and still the second can see a document
the first did not.

So a request takes a :class:`View` once, at its start: the count of document changes, then
the documents hidden at that moment (both index seeks). Every read of the request leaves out
the facts of those documents (the statements' ``$hidden``: :mod:`queries.db` passes it),
and entities named only by them. At the end the hidden documents and then the count are
read again (:meth:`View.still`): if a document was hidden since (its facts may change) or a
change was counted (a document may have been shown between two reads), the request is made
again with a new view. A document shown during the request while it was in the view's
hidden set changes nothing: every read left it out.

The order of the looks matters. A document's change is counted before it is shown, so a
document shown before the end's look at the hidden documents has its count read after it;
one hidden after that look had no facts any read could see (a new document), or facts that
did not change during the reads (one loaded before).

    >>> before = View(3, ("a.txt",), 3)
    >>> before.still(View(3, (), 3))  # a.txt was shown meanwhile: every read left it out
    True
    >>> before.still(View(3, ("a.txt",), 4))  # a change was counted
    False
    >>> before.still(View(3, ("a.txt", "b.txt"), 3))  # b.txt was hidden meanwhile
    False
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from .errors import DatabaseError

__all__ = ["View", "TRIES", "active", "within", "consistent", "consistent_async"]

log = logging.getLogger(__name__)
T = TypeVar("T")

TRIES = 20
"""How often a request is made again when documents changed under it."""


@dataclass(frozen=True)
class View:
    """The count of document changes, the documents hidden, and the count again, looked at
    in that order (one statement: ``documents_view``)."""

    changes: int
    hidden: tuple[str, ...]
    changes_after: int

    def still(self, now: View) -> bool:
        """Whether the reads made between this look and ``now`` (a look after them) all saw
        the same documents: the count before this look's hidden documents against the
        count after ``now``'s."""
        return now.changes_after == self.changes and set(now.hidden) <= set(self.hidden)


_ACTIVE: ContextVar[View | None] = ContextVar("documents_view", default=None)


def active() -> View | None:
    """The view of the request being answered in this context, if any."""
    return _ACTIVE.get()


def within(view: View | None, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    """``fn(*args, **kwargs)`` inside ``view`` (e.g. in a worker process that does part of
    a request); without a view ``fn`` reads in views of its own."""
    token = _ACTIVE.set(view)
    try:
        return fn(*args, **kwargs)
    finally:
        _ACTIVE.reset(token)


def _too_often() -> DatabaseError:
    return DatabaseError(
        f"die Daten änderten sich während {TRIES} Leseversuchen (ein Laden läuft): "
        "bitte gleich noch einmal versuchen"
    )


def consistent(work: Callable[[], T], look: Callable[[], View]) -> T:
    """``work()`` (any number of reads) in one view; made again while documents changed
    under it. Inside a view already, ``work()`` joins it (the outer one checks)."""
    if active() is not None:
        return work()
    for attempt in range(TRIES):
        view = look()
        result = within(view, work)
        if view.still(look()):
            return result
        log.info("documents changed during a request: making it again")
        time.sleep(0.005 * attempt)
    raise _too_often()


async def consistent_async(
    work: Callable[[], Awaitable[T]],
    look: Callable[[], Awaitable[View]],
    *,
    may_repeat: Callable[[], bool] = lambda: True,
) -> T:
    """:func:`consistent` on the event loop; a request that wrote (``may_repeat()`` false)
    is not made again."""
    if active() is not None:
        return await work()
    for attempt in range(TRIES):
        view = await look()
        token = _ACTIVE.set(view)
        try:
            result = await work()
        finally:
            _ACTIVE.reset(token)
        if not may_repeat() or view.still(await look()):
            return result
        log.info("documents changed during a request: making it again")
        await asyncio.sleep(0.005 * attempt)
    raise _too_often()
