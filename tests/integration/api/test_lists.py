"""Connections: filters, totalCount, cursors, page edges (first=0, last page, bad cursor)."""

from __future__ import annotations

import pytest

from queries.settings import Settings

from .conftest import GQL, error_text

pytestmark = pytest.mark.integration

ORGS = """
query($filter: OrganisationFilterInput, $first: Int!, $after: String) {
  organisations(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}"""
ALL_ORGS = sorted(
    [
        "stadt-duesseldorf",
        "stadt-koeln",
        "awo-koeln",
        "jobcenter-koeln",
        "amt-integration-koeln",
        "polizei-essen",
        "strassenkinder-ev",
    ]
)


def ids(conn: dict) -> list[str]:
    return [e["node"]["id"] for e in conn["edges"]]


def test_walk_all_pages_with_cursors(small: Settings, gql: GQL) -> None:
    seen, after = [], None
    for _ in range(10):
        conn = gql(ORGS, first=3, after=after)["data"]["organisations"]
        assert conn["totalCount"] == 7
        seen += ids(conn)
        assert conn["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    assert seen == ALL_ORGS
    assert len(ids(conn)) == 1  # 3 + 3 + 1: the last page is short


def test_first_zero_gives_count_only(small: Settings, gql: GQL) -> None:
    conn = gql(ORGS, first=0)["data"]["organisations"]
    assert conn["edges"] == [] and conn["totalCount"] == 7
    assert conn["pageInfo"]["hasNextPage"] is True and conn["pageInfo"]["endCursor"] is None


def test_after_last_cursor_is_empty(small: Settings, gql: GQL) -> None:
    last = gql(ORGS, first=7)["data"]["organisations"]
    assert last["pageInfo"]["hasNextPage"] is False
    conn = gql(ORGS, first=5, after=last["pageInfo"]["endCursor"])["data"]["organisations"]
    assert conn["edges"] == [] and conn["pageInfo"]["hasNextPage"] is False


@pytest.mark.parametrize("cursor", ["nonsense", "djE6", "!!!", "YWJj"])
def test_invalid_cursor_is_a_clear_error(small: Settings, gql: GQL, cursor: str) -> None:
    body = gql(ORGS, first=2, after=cursor)
    assert body["data"] is None
    assert "ungültiger Cursor" in error_text(body)


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (
            {"nameContains": "köln"},
            {"stadt-koeln", "awo-koeln", "jobcenter-koeln", "amt-integration-koeln"},
        ),
        ({"type": "Kommune"}, {"stadt-koeln", "stadt-duesseldorf", "amt-integration-koeln"}),
        ({"programme": "iq"}, {"stadt-koeln", "awo-koeln"}),
        ({"programme": "charta-der-vielfalt"}, {"stadt-duesseldorf"}),
        ({"fieldOfAction": 3}, {"awo-koeln"}),
        ({"type": "Kommune", "fieldOfAction": 1}, {"stadt-koeln"}),
    ],
)
def test_organisation_filters(small: Settings, gql: GQL, flt: dict, expected: set) -> None:
    conn = gql(ORGS, filter=flt, first=100)["data"]["organisations"]
    assert set(ids(conn)) == expected and conn["totalCount"] == len(expected)


def test_unknown_field_of_action_is_an_error(small: Settings, gql: GQL) -> None:
    body = gql(ORGS, filter={"fieldOfAction": 9}, first=5)
    assert "Handlungsfeld 9" in error_text(body)


MEASURES = """
query($filter: MeasureFilterInput, $first: Int!, $after: String) {
  measures(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
  }
}"""


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        ({}, {"m1", "m2", "m3", "m4"}),
        ({"year": 2021}, {"m1", "m3"}),
        ({"measureType": "fortbildung"}, {"m1"}),
        ({"fieldOfAction": 4}, {"m4"}),
        ({"organisation": "stadt-koeln", "year": 2022}, {"m2"}),
        ({"programme": "iq"}, {"m1", "m2", "m3"}),
        ({"nameContains": "café"}, {"m3"}),
    ],
)
def test_measure_filters(small: Settings, gql: GQL, flt: dict, expected: set) -> None:
    conn = gql(MEASURES, filter=flt, first=10)["data"]["measures"]
    assert set(ids(conn)) == expected and conn["totalCount"] == len(expected)


def test_measures_paginate(small: Settings, gql: GQL) -> None:
    first = gql(MEASURES, first=2)["data"]["measures"]
    rest = gql(MEASURES, first=2, after=first["pageInfo"]["endCursor"])["data"]["measures"]
    assert ids(first) + ids(rest) == ["m1", "m2", "m3", "m4"]
    assert rest["pageInfo"]["hasNextPage"] is False


def test_programmes_connection(small: Settings, gql: GQL) -> None:
    q = """query($f: ProgrammeFilterInput) { programmes(filter: $f, first: 10) {
             totalCount edges { node { id name } } } }"""
    assert set(ids(gql(q)["data"]["programmes"])) == {"iq", "charta-der-vielfalt"}
    assert ids(gql(q, f={"type": "Charta"})["data"]["programmes"]) == ["charta-der-vielfalt"]
    assert ids(gql(q, f={"participant": "awo-koeln"})["data"]["programmes"]) == ["iq"]
    assert ids(gql(q, f={"nameContains": "VIELFALT"})["data"]["programmes"]) == [
        "charta-der-vielfalt"
    ]
