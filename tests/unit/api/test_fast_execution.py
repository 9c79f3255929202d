"""The fast completion of plain objects answers exactly what graphql-core answers.

A small Strawberry schema of its own (no database): plain types, lists with and without
``None``, enums, aliases, fragments, ``@skip``/``@include``, ``__typename``, a field with a
resolver under plain ones, and the error cases (``None`` in a non-null field, a value a
scalar refuses, the item budget). Each query runs with :class:`FastExecution` and with
graphql-core alone (:class:`ItemBudget`); data and errors (message, path) must be equal.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from enum import Enum
from typing import Any

import pytest
import strawberry

from graph_api.execution import FastExecution
from graph_api.limits.items import ItemBudget
from queries.settings import get_settings


@strawberry.enum
class Kind(Enum):
    A = "a"
    B = "b"


@strawberry.type
class Leaf:
    name: str
    line: int | None
    kind: Kind
    tags: list[str]
    maybe: list[str | None] | None


@strawberry.type
class Node:
    id: strawberry.ID
    leaves: list[Leaf]
    best: Leaf | None
    strict: str  # broken on purpose by some sources: None in a non-null field

    @strawberry.field
    def shout(self) -> str:
        return self.id.upper()

    @strawberry.field
    async def later(self) -> list[Leaf]:
        return self.leaves[:1]


def leaf(i: int) -> Leaf:
    return Leaf(
        name=f"n{i}",
        line=i if i % 2 else None,
        kind=Kind.A if i % 3 else Kind.B,
        tags=[f"t{i}", "x"],
        maybe=None if i % 4 == 0 else ["m", None],
    )


NODES = [
    Node(
        id=strawberry.ID(f"id{k}"), leaves=[leaf(i) for i in range(k + 2)], best=leaf(k), strict="s"
    )
    for k in range(4)
]
BROKEN = [Node(id=strawberry.ID("b"), leaves=[], best=None, strict=None)]  # type: ignore[arg-type]
BAD = Leaf(name="n", line="no number", kind=Kind.A, tags=[], maybe=None)  # type: ignore[arg-type]
BAD_INT = [Node(id=strawberry.ID("x"), leaves=[BAD], best=None, strict="s")]


@strawberry.type
class Query:
    @strawberry.field
    def nodes(self, which: str = "good") -> list[Node]:
        return {"good": NODES, "broken": BROKEN, "bad_int": BAD_INT}[which]


def schema(execution: type) -> strawberry.Schema:
    return strawberry.Schema(query=Query, execution_context_class=execution)


FAST, CORE = schema(FastExecution), schema(ItemBudget)


def run(schema_: strawberry.Schema, query: str, **variables: Any) -> tuple[Any, list[Any]]:
    result = asyncio.run(schema_.execute(query, variable_values=variables))
    errors = [(e.message, e.path) for e in result.errors or []]
    return result.data, errors


def same(query: str, **variables: Any) -> tuple[Any, list[Any]]:
    fast = run(FAST, query, **variables)
    assert fast == run(CORE, query, **variables)
    return fast


QUERIES = [
    "{ nodes { id leaves { name line kind tags maybe } best { name } } }",
    "{ nodes { __typename id leaves { __typename n: name l: line } } }",
    "fragment L on Leaf { kind line } { nodes { leaves { ...L name } best { ...L } } }",
    "{ nodes { leaves { ... on Leaf { name } } } }",
    "query($s: Boolean!) { nodes { leaves { name line @skip(if: $s) kind @include(if: $s) } } }",
    "{ nodes { shout later { name kind } leaves { name } } }",
    "{ a: nodes { id } b: nodes { leaves { name } } }",
    '{ nodes(which: "broken") { id strict } }',
    '{ nodes(which: "broken") { best { name } leaves { name } } }',
    '{ nodes(which: "bad_int") { leaves { name line } } }',
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("skip", [True, False])
def test_answers_and_errors_equal_graphql_core(query: str, skip: bool) -> None:
    data, errors = same(query, s=skip)
    assert data is not None or errors


def test_the_error_cases_are_errors() -> None:
    assert same('{ nodes(which: "broken") { id strict } }')[1]
    assert same('{ nodes(which: "bad_int") { leaves { line } } }')[1]


@pytest.fixture()
def budget(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("GRAPHQL_MAX_ITEMS", "12")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


def test_item_budget_counts_the_lists_of_plain_objects(budget: None) -> None:
    # 4 nodes + 2+3+4+5 leaves + 2 tags each: far over 12 entries
    data, errors = same("{ nodes { leaves { name tags } } }")
    assert data is None and errors and "GRAPHQL_MAX_ITEMS" in errors[0][0]
    assert same("{ nodes { id } }")[1] == []  # 4 entries: within the budget


def test_plain_objects_skip_graphql_cores_field_execution(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of it: far fewer fields go through graphql-core's execute_field."""
    calls = {"n": 0}
    original = ItemBudget.execute_field

    def counting(self: ItemBudget, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ItemBudget, "execute_field", counting)
    query = "{ nodes { id leaves { name line kind tags } best { name } } }"
    run(CORE, query)
    core, calls["n"] = calls["n"], 0
    run(FAST, query)
    assert core > 60 and calls["n"] <= 4 * 4  # per node: id, leaves, best (+ the root)
