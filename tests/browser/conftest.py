"""Headless Chromium (Debian's) driven by Playwright, with every request and console
error recorded so a test can prove a page stays on 127.0.0.1 and runs cleanly."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from queries.settings import Settings
from tests.browser.chromium import ARGS, CHROMIUM
from tests.integration.pages.sample_graph import load_sample

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@dataclass
class Recorded:
    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests that leave this machine's app: anything but 127.0.0.1, file: and data:."""
        return [
            u for u in self.requests if not u.startswith(("http://127.0.0.1:", "file://", "data:"))
        ]

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
        return path


@pytest.fixture(scope="module")  # Playwright's loop must end before other modules run
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def recorded(browser: object) -> Iterator[Recorded]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    rec = Recorded(page=page)
    page.on("request", lambda r: rec.requests.append(r.url))
    page.on("console", lambda m: rec.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: rec.errors.append(str(e)))
    yield rec
    context.close()


@pytest.fixture()
def sample_graph(graph: Settings) -> Iterator[Settings]:
    load_sample(graph)
    yield graph
