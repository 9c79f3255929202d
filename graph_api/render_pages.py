"""Whole HTML pages: the Jinja environment, the static files, and the standalone file.

Templates escape everything (``autoescape``), so names and quotes from the corpus are
always text. The pages load vis-network from the app (``/static/...``, the copy that ships
inside pyvis); the standalone file of ``vielfalt viz`` inlines the same files, so it opens
from disk with no server and no network.

The whole-network page and its group data are cached by content: the key is the network
as read from Neo4j (a frozen, hashable record), so an unchanged graph is served without
grouping, layout or rendering again, and any change the page would show - a new node or
link, a rename, new evidence - is a different key, never a stale page.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from queries.network_graph import importance
from queries.network_groups import GROUPINGS, communities, drawn_part, grouped
from queries.records import Network
from queries.tables import number_de

from .render import (
    LINK_STYLE,
    ORG_TYPE_STYLE,
    SIZE_HINT,
    TEMPLATES,
    network_payload,
    payload_html,
)
from .render_groups import group_members_payload, grouped_payload
from .render_layout import clear_layouts

__all__ = [
    "STATIC_FILES",
    "render_page",
    "standalone_html",
    "static_file",
    "whole_network_page",
    "group_json",
    "clear_caches",
    "GROUP_URL",
    "UNGROUPED",
]

GROUP_URL = "/api/netzwerk/gruppe/{key}?nach={by}"

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
_env.filters["de"] = number_de  # numbers as German readers write them: 2,75
_env.globals.update(
    ORG_TYPE_STYLE=ORG_TYPE_STYLE, LINK_STYLE=LINK_STYLE, SIZE_HINT=SIZE_HINT, GROUPINGS=GROUPINGS
)


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


UNGROUPED = "einzeln"  # the /netzwerk choice that draws every linked node


@lru_cache(maxsize=6)
def whole_network_page(net: Network, by: str, aggregate_above: int) -> str:
    """The /netzwerk page: one node per group (``by``: a key of
    :data:`~queries.network_groups.GROUPINGS`), or with ``by`` = :data:`UNGROUPED` every
    linked node as long as there are at most ``aggregate_above`` (else by community).
    Nodes without any link are listed beside the drawing, not drawn."""
    drawn, alone = drawn_part(net)
    if by == UNGROUPED and len(drawn.nodes) > aggregate_above:
        by = "gemeinschaft"
    is_grouped = by != UNGROUPED
    if is_grouped:
        url = GROUP_URL.replace("{by}", by)
        payload = grouped_payload(grouped(drawn, by), drawn, url, by)
    else:
        payload = network_payload(drawn)
    return render_page(
        "network.html",
        payload=payload,
        title="Gesamtnetzwerk",
        nodes_total=len(net.nodes),
        links_total=len(net.links),
        grouped=is_grouped,
        grouped_by=by,
        aggregate_above=aggregate_above,
        group_count=len(payload["nodes"]),
        alone=alone,
        ungrouped=UNGROUPED,
    )


@lru_cache(maxsize=64)
def group_json(net: Network, by: str, key: str) -> str | None:
    """One group's members as JSON for expanding it on the page; None for an unknown key."""
    drawn, _alone = drawn_part(net)
    groups = grouped(drawn, by)
    if key not in {g.key for g in groups.groups}:
        return None
    return json.dumps(group_members_payload(groups, drawn, key), ensure_ascii=False)


def clear_caches() -> None:
    """Forget cached pages, layouts, groupings and ranks (benchmarks measure first visits)."""
    for cached in (whole_network_page, group_json, importance, communities):
        cached.cache_clear()
    clear_layouts()
