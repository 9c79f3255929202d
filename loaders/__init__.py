"""Extraction and loading: source -> clean -> sections -> mentions -> resolve -> batch -> writer.

Builds on ``queries``; knows nothing of ``graph_api`` or the command line (``vielfalt``).
Public names resolve on first use (:mod:`queries.exports`).
"""

from __future__ import annotations

from queries.exports import lazy_getattr

#: Public name -> the module (under this package) that defines it.
_EXPORTS = {
    "block_line_accuracy": "evaluation",
    "evaluate": "evaluation",
    "load_manifest": "evaluation",
    "micro": "evaluation",
    "Row": "evaluation",
    "SCORED": "evaluation",
    "train": "evaluation",
    "extract_paths": "extract",
    "to_contract": "extract",
    "load_paths": "pipeline",
    "LoadReport": "pipeline",
    "iter_source_files": "sources",
    "remove_document": "writer",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_getattr(__name__, _EXPORTS)
