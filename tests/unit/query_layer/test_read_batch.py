"""Combining described reads into one statement (text only; the database test is in
tests/integration/test_statements.py)."""

from __future__ import annotations

import pytest

from queries import read, read_links
from queries.db import Read
from queries.read_batch import combinable, combined


def test_parameters_are_prefixed_per_read_and_answers_kept_apart() -> None:
    a = read.organisations_by_ids(["x"])
    b = read_links.mentions_of(["y", "z"])
    both = combined([a, b])
    assert both.params == {"q0_ids": ["x"], "q1_ids": ["y", "z"]}
    assert "$ids" not in both.query and "$q0_ids" in both.query and "$q1_ids" in both.query
    assert "//" not in both.query  # header comments (with their $names) stay out
    assert both.query.rstrip().endswith("RETURN r0, r1")
    row = {"r0": [{"id": "x", "name": "X", "type": None, "aliases": []}], "r1": []}
    orgs, mentions = both.shape([row])
    assert orgs["x"].name == "X" and mentions == {}


def test_only_reads_with_declared_columns_combine() -> None:
    adhoc = Read("RETURN 1 AS x", {}, lambda rows: rows)
    assert combinable(read.documents_by_ids(["d"])) and not combinable(adhoc)
    with pytest.raises(ValueError, match="declare their columns"):
        combined([read.documents_by_ids(["d"]), adhoc])
