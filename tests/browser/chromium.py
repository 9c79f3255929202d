"""How the browser tests and the page benchmark launch Debian's headless Chromium."""

from __future__ import annotations

from pathlib import Path

__all__ = ["CHROMIUM", "ARGS"]

CHROMIUM = Path("/usr/bin/chromium")
# offline and quiet: no first-run, sync, update or background traffic leaves the machine
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
