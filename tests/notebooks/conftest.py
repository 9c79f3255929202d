"""Hand-checkable graphs for the analytics tests, written through queries.analytics.sample."""

from __future__ import annotations

import pytest

from queries.analytics.sample import EXAMPLE, write_sample_graph
from queries.settings import Settings


@pytest.fixture()
def synergy_graph(graph: Settings) -> Settings:
    """A clean graph holding :data:`queries.analytics.sample.EXAMPLE`."""
    write_sample_graph(EXAMPLE, graph)
    return graph
