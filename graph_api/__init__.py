"""The web app: FastAPI routes, the GraphQL schema and the network pages.

Builds on ``queries``; knows nothing of ``loaders`` or the command line (``vielfalt``).
Public names resolve on first use (:mod:`queries.exports`).
"""

from __future__ import annotations

from queries.exports import lazy_getattr

#: Public name -> the module (under this package) that defines it.
_EXPORTS = {
    "create_app": "app",
    "standalone_html": "render_pages",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_getattr(__name__, _EXPORTS)
