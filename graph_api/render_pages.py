"""Whole HTML pages: the Jinja environment, the static files, and the standalone file.

Templates escape everything (``autoescape``), so names and quotes from the corpus are
always text. The pages load vis-network from the app (``/static/...``, the copy that ships
inside pyvis); the standalone file of ``vielfalt viz`` inlines the same files, so it opens
from disk with no server and no network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from queries.network_records import Network

from .render import LINK_STYLE, ORG_TYPE_STYLE, TEMPLATES, network_payload, payload_html

__all__ = ["STATIC_FILES", "render_page", "standalone_html", "static_file"]

_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_OWN = Path(__file__).parent / "static"

# the only files /static serves: name -> (path, media type)
STATIC_FILES: dict[str, tuple[Path, str]] = {
    "vis-network.min.js": (_VIS / "vis-network.min.js", "text/javascript"),
    "vis-network.css": (_VIS / "vis-network.css", "text/css"),
    "network.js": (_OWN / "network.js", "text/javascript"),
    "pages.css": (_OWN / "pages.css", "text/css"),
}

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals.update(ORG_TYPE_STYLE=ORG_TYPE_STYLE, LINK_STYLE=LINK_STYLE)


def static_file(name: str) -> tuple[Path, str] | None:
    """The path and media type of a served static file, or None for any other name."""
    return STATIC_FILES.get(name)


def _inline(name: str) -> Markup:
    # the files are ours or vis-network's, checked to contain no "</script" / "</style"
    text = STATIC_FILES[name][0].read_text(encoding="utf-8")
    return Markup(text.replace("</script", "<\\/script").replace("</style", "<\\/style"))


def render_page(
    template: str, *, payload: dict[str, Any] | None = None, inline: bool = False, **context: Any
) -> str:
    """Render a page template; ``payload`` is network data for ``network.js``."""
    assets = {}
    if inline:
        assets = {name: _inline(name) for name in STATIC_FILES}
    graph_data = Markup(payload_html(payload)) if payload is not None else None
    return _env.get_template(template).render(
        inline=inline, assets=assets, graph_data=graph_data, **context
    )


def standalone_html(net: Network, title: str, subtitle: str = "") -> str:
    """One self-contained HTML file (JS and CSS inlined) showing ``net``."""
    payload = network_payload(net, urls=False)
    return render_page(
        "standalone.html", payload=payload, inline=True, title=title, subtitle=subtitle, net=net
    )
