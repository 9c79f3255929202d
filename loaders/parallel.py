"""Extraction on all cores: one document per task in worker processes, then resolution.

Why: extraction is pure Python (regular expressions over lines), so threads would share
one core; each document is extracted on its own anyway (:func:`loaders.extract.extract_document`)
and only the resolution across documents needs them all. Workers extract, the parent
resolves: the result is exactly the serial one (a test compares the JSON).

    extract_paths_parallel(["../shared/corpus"], workers=2)

Each worker loads the reference data once. Below two files, or with ``workers=1``, the
serial :func:`loaders.extract.extract_paths` runs (starting processes costs ~0.5 s).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from queries.corrections import Corrections

from .errors import InputError
from .extract import extract_document, extract_paths
from .models import DocumentExtraction
from .reference import Reference, load_reference
from .resolve.entities import resolve_across
from .source.files import iter_source_files

__all__ = ["extract_paths_parallel", "default_workers"]

log = logging.getLogger(__name__)

_reference: Reference | None = None
_corrections: Corrections | None = None
Outcome = tuple[DocumentExtraction | None, tuple[str, str, int | None] | None]


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _start(reference: Reference | None, corrections: Corrections | None) -> None:
    global _reference, _corrections
    _reference = reference if reference is not None else load_reference()
    _corrections = corrections


def _extract(path: Path) -> Outcome:
    """One document in a worker; errors travel back as plain values (source, problem, line)."""
    try:
        return extract_document(path, _reference, _corrections), None
    except InputError as exc:
        return None, (exc.source, exc.problem, exc.line)
    except Exception as exc:  # a bug on one document must not stop the others
        log.exception("extraction failed on %s", path)
        return None, (str(path), f"unexpected extraction error ({exc!r})", None)


def extract_paths_parallel(
    paths: Iterable[Path | str],
    workers: int | None = None,
    on_error: Callable[[InputError], None] | None = None,
    reference: Reference | None = None,
    corrections: Corrections | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[DocumentExtraction]:
    """:func:`loaders.extract.extract_paths` with ``workers`` processes (default: all cores).

    Same arguments, same result, same order; ``progress`` hears each file in input order.
    """
    files = iter_source_files(paths, on_error)
    n = default_workers() if workers is None else workers
    if n <= 1 or len(files) < 2:
        return extract_paths(files, on_error, reference, corrections, progress)
    out: list[DocumentExtraction] = []
    with ProcessPoolExecutor(
        max_workers=min(n, len(files)), initializer=_start, initargs=(reference, corrections)
    ) as pool:
        for path, (extraction, error) in zip(files, pool.map(_extract, files), strict=True):
            if extraction is not None:
                out.append(extraction)
            elif error is not None:
                exc = InputError(*error)
                if on_error is None:
                    raise exc
                on_error(exc)
            if progress:
                progress(Path(path).name)
    return list(resolve_across(out))
