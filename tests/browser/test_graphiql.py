"""GraphiQL in headless Chromium: it loads from the app alone and runs a query.

Strawberry's page fetched React and GraphiQL from a CDN and, offline, stayed on "Loading…".
Here every request that does not go to the app is aborted (as offline), and the editor must
still appear and answer a query.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.settings import Settings
from tests.browser.conftest import Recorded

pytestmark = [pytest.mark.browser, pytest.mark.integration]


def test_graphiql_works_offline(graph: Settings, live_app: Any, recorded: Recorded) -> None:
    page: Any = recorded.page
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_app.url) else route.abort()
        ),
    )
    page.goto(live_app.url + "/graphql")
    page.wait_for_selector(".graphiql-container .graphiql-editors", timeout=30_000)
    assert "GraphiQL wird geladen" not in page.inner_text("body")
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        "document.querySelector('.result-window') &&"
        " document.querySelector('.result-window').innerText.includes('\"search\"')",
        timeout=30_000,
    )
    recorded.screenshot("graphiql")
    assert recorded.foreign_requests() == []
    assert recorded.errors == []
