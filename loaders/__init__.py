"""Extraction and loading: source -> clean -> sections -> mentions -> resolve -> links/measures
-> load (batch, writer); one subpackage per stage, in that order, on the shared records
(``models``, ``errors``, ``reference``, ``names``); ``extract`` and ``parallel`` run the
stages for a document, ``learn/`` holds the CRF models, ``evaluation`` scores the result.

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
    "load_paths": "load.pipeline",
    "LoadReport": "load.pipeline",
    "iter_source_files": "source.files",
    "remove_document": "load.writer",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_getattr(__name__, _EXPORTS)
