"""Hand-checkable graphs for the analytics tests, written by the production writer
(tests.graphs)."""

from __future__ import annotations

import pytest

from queries.settings import Settings
from tests.graphs import write_graph
from tests.integration.analytics.example_graph import example_graph


@pytest.fixture()
def synergy_graph(graph: Settings) -> Settings:
    """A clean graph holding :func:`example_graph`."""
    write_graph(example_graph(), graph)
    return graph
