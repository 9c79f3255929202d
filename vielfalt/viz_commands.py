"""``vielfalt viz``: the network as one HTML file that opens from disk, without a server.

vis-network, the page script and the styles are inlined, so the file can be mailed to a
coordinator or opened offline; nothing in it asks another host for anything.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from queries.errors import InputError

__all__ = ["register", "write_viz"]

log = logging.getLogger(__name__)


def write_viz(out: Path, organisation: str | None = None, depth: int = 1) -> tuple[int, int]:
    """Write the standalone page; returns (nodes, links). Whole network unless an
    organisation is given, then its ego network of ``depth`` (1-3)."""
    from graph_api.render_pages import standalone_html
    from queries import network as net_queries  # the driver and pyvis only when it runs

    if organisation is None:
        net = net_queries.whole_network()
        title, subtitle = "Gesamtnetzwerk", ""
    else:
        net = net_queries.ego_network(organisation, depth, max_nodes=100_000)
        centre = next((n.name for n in net.nodes if n.key == net.centre), organisation)
        title, subtitle = f"Netzwerk von {centre}", f"Tiefe {depth}"
    html = standalone_html(net, title, subtitle)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InputError(str(out), f"kann nicht geschrieben werden: {exc.strerror}") from exc
    log.info("wrote %s: %d nodes, %d links", out, len(net.nodes), len(net.links))
    return len(net.nodes), len(net.links)


def register(app: typer.Typer) -> None:
    """Add ``viz`` to the ``vielfalt`` command line."""

    @app.command("viz")
    def viz(
        out: Annotated[Path, typer.Option("--out", help="HTML file to write")] = Path(
            "network.html"
        ),
        organisation: Annotated[
            str | None, typer.Option("--organisation", help="organisation id (ego network)")
        ] = None,
        depth: Annotated[int, typer.Option("--depth", help="ego network depth, 1-3")] = 1,
    ) -> None:
        """Write the network as a standalone HTML file (opens from disk, works offline)."""
        if organisation is None and depth != 1:
            raise InputError("--depth", "--depth gilt nur zusammen mit --organisation")
        nodes, links = write_viz(out, organisation, depth)
        typer.echo(f"{out}: {nodes} Knoten, {links} Verbindungen")
