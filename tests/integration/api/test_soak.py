"""A short soak: ten seconds of mixed load on loopback without a single error.

``bench/soak.py`` runs the same for 60 s on the corpus (figures in BENCHMARKS.md); here it
runs against the test app on the small graph. http_load raises on any answer that is not a
200 without ``errors``; /health, probed meanwhile, must answer every time (under saturating
load it waits its turn, so its time is reported by the benchmark, not bounded here).
"""

from __future__ import annotations

import pytest

from bench.soak import soak
from queries.settings import Settings
from tests.conftest import LiveServer

pytestmark = pytest.mark.integration


def test_ten_seconds_without_errors(small: Settings, live_app: LiveServer) -> None:
    result = soak(live_app.port, seconds=10, clients=4)
    assert result.load.requests > 100
    assert result.health_probes > 50  # each one a 200, or soak() would have raised
