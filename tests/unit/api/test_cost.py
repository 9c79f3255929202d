"""The cost estimate on the syntax tree (no database, no validation)."""

from __future__ import annotations

import time

import pytest
from graphql import get_introspection_query, parse

from graph_api.limits.cost import CEILING, MAX_NESTING, TooDeep, estimate, longest_string, nesting
from graph_api.schema import schema

SCHEMA = schema._schema


def cost(query: str, **variables: object) -> int:
    return estimate(parse(query), SCHEMA, variables).cost


def test_pages_multiply_and_default_to_twenty() -> None:
    one = cost('{ organisation(id: "x") { partners { type } } }')
    assert one == 1 + 1 * (1 + 20 * 1)
    assert cost('{ organisation(id: "x") { partners(first: 3) { type } } }') == 1 + (1 + 3)
    q = "query($n: Int) { organisations(first: $n) { edges { node { id } } } }"
    assert cost(q, n=7) == 1 + 7 * (1 + 1 * (1 + 1))  # edges counted by the connection
    assert cost(q, n=10_000) == cost(q, n=100)  # the resolver refuses above the page limit


def test_fragments_count_like_inline_selections() -> None:
    inline = cost('{ organisation(id: "x") { partners { organisation { id name } } } }')
    spread = cost(
        '{ organisation(id: "x") { partners { organisation { ...N } } } }'
        " fragment N on Organisation { id name }"
    )
    typed = cost(
        '{ organisation(id: "x") { partners { organisation {'
        " ... on Organisation { id name } } } } }"
    )
    assert inline == spread == typed


def test_fragment_bomb_is_measured_in_linear_time() -> None:
    frags = ["fragment F1 on Organisation { id name }"] + [
        f"fragment F{i} on Organisation {{ ...F{i - 1} ...F{i - 1} }}" for i in range(2, 60)
    ]
    doc = parse('{ organisation(id: "x") { ...F59 } }\n' + "\n".join(frags))
    t0 = time.perf_counter()
    found = estimate(doc, SCHEMA)
    assert time.perf_counter() - t0 < 0.5
    assert found.cost == CEILING and found.fragments == 59 and found.spreads == 117


def test_cycles_and_unknown_fields_do_not_hang() -> None:
    q = (
        '{ organisation(id: "x") { ...A } } fragment A on Organisation { ...B }'
        " fragment B on Organisation { ...A nosuch { x } }"
    )
    assert cost(q) < 10


def test_introspection_is_not_multiplied() -> None:
    assert cost(get_introspection_query(descriptions=True)) < 1000


def test_aliases_are_counted() -> None:
    found = estimate(
        parse("{ a: categories { id } b: categories { id } stats { __typename } }"), SCHEMA
    )
    assert found.aliases == 2 and found.cost == 2 * (1 + 20) + 2


def test_too_deep_is_an_error_not_a_recursion() -> None:
    deep = (
        '{ organisation(id: "x") '
        + "{ parent " * (MAX_NESTING + 5)
        + "{ id"
        + " }" * (MAX_NESTING + 7)
    )
    assert nesting(deep) > MAX_NESTING
    with pytest.raises(TooDeep):
        estimate(parse(deep), SCHEMA)


def test_longest_string_sees_literals_and_variables() -> None:
    doc = parse('{ search(text: "abcdef") { id } }')
    assert longest_string(doc, None) == 6
    assert longest_string(doc, {"f": {"name": "x" * 20, "list": ["y" * 30]}}) == 30
