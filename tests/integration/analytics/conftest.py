"""Hand-checkable graphs for the analytics tests, written through queries.sample_graph."""

from __future__ import annotations

import pytest

from queries.sample_graph import write_sample_graph
from queries.settings import Settings
from tests.integration.analytics.example_graph import example_graph


@pytest.fixture()
def synergy_graph(graph: Settings) -> Settings:
    """A clean graph holding :func:`example_graph`."""
    write_sample_graph(example_graph(), graph)
    return graph
