"""Hand-checkable graphs for the analytics tests, written through queries.analytics.sample."""

from __future__ import annotations

import pytest

from queries.analytics.sample import SampleGraph, write_sample_graph
from queries.settings import Settings

# Stadt Duisburg and Jobcenter Duisburg both signed the Charta and share partner Verein X
# (whose only partners they are), but do not cooperate: the top synergy pair.
# VHS Essen cooperates with Stadt Duisburg already; Verein Y stands alone.
SYNERGY = SampleGraph(
    organisations=(
        ("stadt-duisburg", "Stadt Duisburg", "Kommune"),
        ("jobcenter-duisburg", "Jobcenter Duisburg", "Jobcenter"),
        ("verein-x", "Verein X", "Verein"),
        ("vhs-essen", "Volkshochschule Essen", "Sonstige"),
        ("verein-y", "Verein Y", "Verein"),
    ),
    programmes=(
        ("charta", "Charta der Vielfalt", "Charta"),
        ("iq", "IQ Netzwerk", "Netzwerk"),
    ),
    links=(
        ("stadt-duisburg", "SIGNED", "charta", 2),
        ("jobcenter-duisburg", "SIGNED", "charta"),
        ("vhs-essen", "PARTICIPATES_IN", "iq"),
        ("stadt-duisburg", "COOPERATES_WITH", "verein-x"),
        ("verein-x", "COOPERATES_WITH", "jobcenter-duisburg"),
        ("vhs-essen", "COOPERATES_WITH", "stadt-duisburg"),
    ),
    measures=(
        ("stadt-duisburg", 2, "intercultural-training"),
        ("jobcenter-duisburg", 2, "intercultural-training"),
        ("verein-y", 1, "job-ad-clause"),
    ),
)


@pytest.fixture()
def synergy_graph(graph: Settings) -> Settings:
    """A clean graph holding :data:`SYNERGY`."""
    write_sample_graph(SYNERGY, graph)
    return graph
