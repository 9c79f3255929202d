"""The whole load: files -> extractions -> corrections -> batches -> Neo4j.

One bad file is reported and skipped; the others still load. Documents new to the graph are
written many per transaction (:mod:`loaders.load.bulk`), changed ones one by one; a transaction
loads completely or not at all, and when one fails its documents are retried one by one so
that only the bad one is reported.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from queries import db
from queries.corrections import CURATION_DOC, Corrections, load_corrections
from queries.errors import DatabaseUnavailable, InputError, VielfaltError
from queries.settings import Settings, get_settings

from ..extract import extract_paths
from ..models import DocumentExtraction
from ..parallel import extract_paths_parallel
from ..resolve.curation import apply_corrections
from .batch import to_batch
from .writer import WriteResult, same_content, write_batch

__all__ = ["LoadReport", "curation_document", "load_paths"]

log = logging.getLogger(__name__)
Progress = Callable[[str, str], None]  # (phase, document) after each step


@dataclass
class LoadReport:
    loaded: list[WriteResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, problem)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, same as doc)
    interrupted: bool = False  # the database went away: the rest was not attempted

    @property
    def ok(self) -> bool:
        return not self.failed


def curation_document(
    extractions: list[DocumentExtraction], corrections: Corrections
) -> DocumentExtraction | None:
    """Links coordinators added, as one pseudo-document over every loaded entity.

    Its hash covers the corrections and the documents, so it is rewritten exactly when
    either changes, and its links survive any document's reload.
    """
    if not corrections.add_links:
        return None
    orgs = {o.id: o for x in extractions for o in x.organisations}
    progs = {p.id: p for x in extractions for p in x.programmes}
    digest = hashlib.sha256(corrections.model_dump_json().encode())
    for x in extractions:
        digest.update(x.sha256.encode())
    base = DocumentExtraction(
        doc=CURATION_DOC,
        path=CURATION_DOC,
        sha256=digest.hexdigest(),
        title="Korrekturen der Koordination",
        organisations=tuple(orgs.values()),
        programmes=tuple(progs.values()),
    )
    return apply_corrections(base, corrections)


def _unique(
    extracted: list[DocumentExtraction], report: LoadReport, s: Settings
) -> list[DocumentExtraction]:
    """Leave out what would overwrite or double another document.

    Two files with one name (a document's id is its file name) would overwrite each other:
    the second fails. A report already loaded under another name is a duplicate: skipped,
    so its measures are not counted twice.
    """
    out: list[DocumentExtraction] = []
    by_name: dict[str, str] = {}
    for x in extracted:
        if x.doc in by_name:
            problem = f"Name schon vergeben an {by_name[x.doc]} (Dokumente heißen wie ihre Datei)"
            report.failed.append((x.path, str(InputError(x.path, problem))))
            continue
        by_name[x.doc] = x.path
        others = same_content(x.doc, x.sha256, s)
        if others:
            report.duplicates.append((x.path, others[0]))
            continue
        out.append(x)
    return out


def load_paths(
    paths: Iterable[Path | str],
    settings: Settings | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> LoadReport:
    """Load files or folders into Neo4j; unchanged documents are skipped."""
    s = settings or get_settings()
    report = LoadReport()
    db.apply_schema(s)
    corrections = load_corrections(s.corrections_file)

    def failed(exc: InputError) -> None:
        report.failed.append((exc.source, str(exc)))

    def read(doc: str) -> None:
        if progress:
            progress("read", doc)

    def duplicate(path: str, first: str) -> None:
        report.duplicates.append((path, first))

    if s.extract_workers == 1:
        extracted = extract_paths(paths, on_error=failed, progress=read, on_duplicate=duplicate)
    else:  # worker processes (0: all cores); the same content twice is caught here
        extracted = []
        seen: dict[str, str] = {}
        workers = s.extract_workers or None
        for x in extract_paths_parallel(paths, workers, on_error=failed, progress=read):
            if x.sha256 in seen:
                duplicate(x.path, seen[x.sha256])
            else:
                seen[x.sha256] = x.doc
                extracted.append(x)
    extractions = _unique(extracted, report, s)
    extractions = [apply_corrections(x, corrections) for x in extractions]
    curated = curation_document(extractions, corrections)
    todo = extractions + ([curated] if curated else [])
    for i, x in enumerate(todo):
        batch = to_batch(x)
        try:
            result = write_batch(batch, s, force=force)
        except DatabaseUnavailable as exc:
            # nothing of this document was written (one transaction); the rest waits
            report.failed.append((x.path, str(InputError(x.path, f"nicht geladen: {exc}"))))
            if len(todo) > i + 1:
                report.failed.append(
                    ("", f"{len(todo) - i - 1} weitere Dokument(e) nicht geladen: erneut laden")
                )
            report.interrupted = True
            break
        except VielfaltError as exc:
            report.failed.append((x.path, str(exc)))
            continue
        finally:
            if progress:
                progress("write", x.doc)
        (report.skipped.append(x.doc) if result.skipped else report.loaded.append(result))
    return report
