"""The request's view of the documents (queries/view.py): made again while documents change.

The looks are given as a list of what the database would answer, in order; the logic under
test decides from them alone (the statements themselves: tests/integration).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from queries.errors import DatabaseError
from queries.view import TRIES, View, active, consistent, consistent_async


def _looks(*views: View) -> Iterator[View]:
    yield from views


def test_a_request_is_made_again_until_its_view_holds() -> None:
    looks = _looks(
        View(1, (), 1),
        View(1, ("b.txt",), 1),  # b.txt hidden during the first attempt: again
        View(1, ("b.txt",), 1),
        View(2, (), 2),  # b.txt shown during the second: its count moved, again
        View(2, (), 2),
        View(2, (), 2),
    )
    seen: list[View | None] = []

    def work() -> int:
        seen.append(active())
        return len(seen)

    assert consistent(work, lambda: next(looks)) == 3
    assert seen == [View(1, (), 1), View(1, ("b.txt",), 1), View(2, (), 2)]
    assert active() is None


def test_a_document_shown_that_every_read_left_out_changes_nothing() -> None:
    looks = _looks(View(5, ("a.txt",), 5), View(5, (), 5))  # counted before the first look
    assert consistent(lambda: "answer", lambda: next(looks)) == "answer"


def test_inside_a_view_a_function_joins_it_and_looks_at_nothing() -> None:
    outer = _looks(View(1, (), 1), View(1, (), 1))

    def inner() -> View | None:
        return consistent(active, lambda: pytest.fail("an inner function looked"))

    assert consistent(inner, lambda: next(outer)) == View(1, (), 1)


def test_a_view_that_never_holds_ends_in_one_german_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("time.sleep", lambda _: None)
    counter = iter(range(10 * TRIES))
    with pytest.raises(DatabaseError, match="Leseversuchen"):
        consistent(lambda: None, lambda: View(next(counter), (), next(counter)))


def test_a_request_that_wrote_is_not_made_again() -> None:
    looks = _looks(View(1, (), 1), View(2, (), 2))

    async def look() -> View:
        return next(looks)

    async def work() -> View | None:
        return active()

    answer = asyncio.run(consistent_async(work, look, may_repeat=lambda: False))
    assert answer == View(1, (), 1)
