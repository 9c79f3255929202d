"""The whole load: files -> extractions -> corrections -> batches -> Neo4j.

One bad file is reported and skipped; the others still load. Documents new to the graph are
written many per transaction (:mod:`loaders.bulk`), changed ones one by one; a transaction
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
from queries.errors import InputError, VielfaltError
from queries.settings import Settings, get_settings

from .batch import to_batch
from .bulk import write_batches
from .curation import apply_corrections
from .models import DocumentExtraction
from .parallel import extract_paths_parallel
from .writer import WriteResult, write_batch

__all__ = ["LoadReport", "curation_document", "load_paths"]

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

    workers = s.extract_workers or None  # 0: all cores
    extracted = extract_paths_parallel(paths, workers, on_error=failed, progress=read)
    extractions = [apply_corrections(x, corrections) for x in extracted]
    curated = curation_document(extractions, corrections)
    everything = extractions + ([curated] if curated else [])
    written: dict[str, WriteResult] = {}

    def wrote(result: WriteResult) -> None:
        written[result.doc] = result
        if progress:
            progress("write", result.doc)

    try:
        write_batches((to_batch(x) for x in everything), s, force=force, progress=wrote)
    except VielfaltError as exc:
        log.warning("bulk write failed (%s): writing the rest one by one", exc)
        for x in everything:
            if x.doc in written:
                continue
            try:
                wrote(write_batch(to_batch(x), s, force=force))
            except VielfaltError as one:
                report.failed.append((x.path, str(one)))
                if progress:
                    progress("write", x.doc)
    for x in everything:
        if x.doc in written:
            r = written[x.doc]
            (report.skipped.append(x.doc) if r.skipped else report.loaded.append(r))
    return report
