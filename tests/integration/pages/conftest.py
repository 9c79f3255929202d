"""Fixtures of the page tests: the hand-made sample graph in a clean database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from queries.settings import Settings
from tests.integration.pages.sample_graph import load_sample


@pytest.fixture()
def sample_graph(graph: Settings) -> Iterator[Settings]:
    load_sample(graph)
    yield graph
