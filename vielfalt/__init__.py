"""The composition root: the ``vielfalt`` command line and the processes it manages.

The only package that imports both ``loaders`` (extraction, loading) and ``graph_api``
(the web app): the CLI wires them together, starts the local Neo4j and the background
API. Public names resolve on first use (:mod:`queries.exports`).
"""

from __future__ import annotations

from queries.exports import lazy_getattr

#: Public name -> the module (under this package) that defines it.
_EXPORTS = {
    "app": "cli",
    "main": "cli",
    "plots": "report_render",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_getattr(__name__, _EXPORTS)
