"""The whole load: files -> extractions -> corrections -> batches -> Neo4j.

One bad file is reported and skipped; the others still load. Each document is written in
its own transaction, so a failure never leaves half a document in the graph.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from queries import db
from queries.corrections import CURATION_DOC, Corrections, load_corrections
from queries.errors import VielfaltError
from queries.settings import Settings, get_settings

from .batch import to_batch
from .curation import apply_corrections
from .extract import extract_document
from .models import DocumentExtraction
from .resolve import resolve_across
from .sources import iter_source_files
from .writer import WriteResult, write_batch

__all__ = ["LoadReport", "extract_all", "load_paths"]

log = logging.getLogger(__name__)
Progress = Callable[[str, str], None]  # (phase, document) after each step


@dataclass
class LoadReport:
    loaded: list[WriteResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, problem)

    @property
    def ok(self) -> bool:
        return not self.failed


def extract_all(paths: Iterable[Path | str], report: LoadReport,
                progress: Progress | None = None) -> list[DocumentExtraction]:
    """Extract every readable file, resolved across documents; failures go to the report."""
    files = iter_source_files(paths)
    extractions = []
    for f in files:
        try:
            extractions.append(extract_document(f))
        except VielfaltError as exc:
            log.warning("%s", exc)
            report.failed.append((str(f), str(exc)))
        except Exception as exc:  # a bug on one document must not stop the others
            log.exception("extraction failed on %s", f)
            report.failed.append((str(f), f"{f}: unexpected extraction error ({exc!r})"))
        if progress:
            progress("read", f.name)
    return list(resolve_across(extractions))


def curation_document(extractions: list[DocumentExtraction],
                      corrections: Corrections) -> DocumentExtraction | None:
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
    base = DocumentExtraction(doc=CURATION_DOC, path=CURATION_DOC, sha256=digest.hexdigest(),
                              title="Korrekturen der Koordination",
                              organisations=tuple(orgs.values()),
                              programmes=tuple(progs.values()))
    return apply_corrections(base, corrections)


def load_paths(paths: Iterable[Path | str], settings: Settings | None = None,
               progress: Progress | None = None, force: bool = False) -> LoadReport:
    """Load files or folders into Neo4j; unchanged documents are skipped."""
    s = settings or get_settings()
    report = LoadReport()
    db.apply_schema(s)
    corrections = load_corrections(s.corrections_file)
    extractions = [apply_corrections(x, corrections) for x in extract_all(paths, report, progress)]
    curated = curation_document(extractions, corrections)
    for x in extractions + ([curated] if curated else []):
        batch = to_batch(x)
        try:
            result = write_batch(batch, s, force=force)
        except VielfaltError as exc:
            report.failed.append((x.path, str(exc)))
            continue
        finally:
            if progress:
                progress("write", x.doc)
        (report.skipped.append(x.doc) if result.skipped else report.loaded.append(result))
    return report
