"""CLI commands for extraction and loading: `extract`, `load`, `up` (the main job) and `down`.

The database side (driver, writer) is imported when a command needs it, so `extract`,
which needs no database, starts fast.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from loaders.extract import extract_paths, to_contract
from loaders.source.files import iter_source_files
from queries.errors import InputError, VielfaltError, printable
from queries.settings import get_settings

if TYPE_CHECKING:
    from loaders.load.pipeline import LoadReport

__all__ = ["register"]

console = Console()
err = Console(stderr=True)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[doc]}"),
        console=err,
        transient=True,
    )


def _report_failures(failed: list[tuple[str, str]]) -> None:
    for _path, problem in failed:
        err.print(f"[red]Fehler:[/red] {problem}", highlight=False, soft_wrap=True)


def _report_duplicates(duplicates: list[tuple[str, str]]) -> None:
    for path, first in duplicates:
        err.print(
            f"[yellow]Hinweis:[/yellow] {printable(path)}: gleicher Inhalt wie "
            f"{printable(first)}, nicht noch einmal geladen",
            highlight=False,
            soft_wrap=True,
        )


def _check_json_target(json_out: Path) -> None:
    """Refuse an output path that cannot take a file before any work is done."""
    if json_out.is_dir():
        raise InputError(str(json_out), "ist ein Ordner; --json braucht einen Dateinamen")
    parent = json_out.parent
    if parent.exists() and not parent.is_dir():
        raise InputError(str(json_out), f"{parent} ist kein Ordner")


def _write_atomically(path: Path, text: str) -> None:
    """Write a sibling temporary file, then rename it: readers see old or new, never half."""
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        tmp = Path(name)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise InputError(str(path), f"nicht schreibbar ({exc.strerror or exc})") from exc


def extract(
    paths: Annotated[list[Path], typer.Argument(help="files or folders")],
    json_out: Annotated[Path, typer.Option("--json", help="where to write the extraction")],
) -> None:
    """Extract organisations, programmes, links and measures without a database.

    The JSON file is written only when at least one document was extracted, and atomically;
    any file that failed makes the exit status 1.
    """
    _check_json_target(json_out)
    failed: list[tuple[str, str]] = []
    duplicates: list[tuple[str, str]] = []
    extractions = extract_paths(
        paths,
        on_error=lambda e: failed.append((e.source, str(e))),
        on_duplicate=lambda path, first: duplicates.append((path, first)),
    )
    _report_failures(failed)
    _report_duplicates(duplicates)
    if not extractions:
        raise typer.Exit(1)
    data = [to_contract(x) for x in extractions]
    _write_atomically(json_out, json.dumps(data, ensure_ascii=False, indent=1))
    note = f" ({len(failed)} fehlerhaft)" if failed else ""
    console.print(
        f"{len(extractions)} Dokument(e) extrahiert -> {printable(str(json_out))}{note}",
        highlight=False,
        soft_wrap=True,
    )
    if failed:
        raise typer.Exit(1)


def _load_with_progress(paths: list[Path], force: bool) -> LoadReport:
    from loaders.load.pipeline import load_paths

    n = len(iter_source_files(paths, on_error=lambda _e: None))
    with _progress() as bar:
        read_task = bar.add_task("Lesen", total=n, doc="")
        write_task = bar.add_task("Schreiben", total=n, doc="")

        def step(phase: str, doc: str) -> None:
            bar.advance(read_task if phase == "read" else write_task)
            bar.update(read_task if phase == "read" else write_task, doc=doc)

        return load_paths(paths, progress=step, force=force)


def _summary(report: LoadReport) -> Table:
    table = Table(title="Laden")
    table.add_column("")
    table.add_column("Anzahl", justify="right")
    rows = [
        ("Dokumente geladen", len(report.loaded)),
        ("unverändert übersprungen", len(report.skipped)),
        ("doppelt (gleicher Inhalt)", len(report.duplicates)),
        ("fehlerhaft", len(report.failed)),
    ]
    for key, label in (
        ("organisations", "Organisationen"),
        ("programmes", "Programme"),
        ("measures", "Maßnahmen"),
        ("links", "Verknüpfungen"),
    ):
        rows.append((f"{label} geschrieben", sum(getattr(r, key) for r in report.loaded)))
    for label, n in rows:
        table.add_row(label, str(n))
    return table


def load(
    paths: Annotated[list[Path], typer.Argument(help="files or folders")],
    force: Annotated[bool, typer.Option(help="reload unchanged documents too")] = False,
) -> None:
    """Load reports into Neo4j (unchanged documents are skipped)."""
    from queries import db

    from .summary import counts_table

    report = _load_with_progress(paths, force)
    console.print(_summary(report))
    if not report.interrupted:
        console.print(counts_table(db.counts()))
    _report_failures(report.failed)
    _report_duplicates(report.duplicates)
    if report.failed:
        raise typer.Exit(1)


def up(
    corpus: Annotated[Path | None, typer.Option(help="default: CORPUS_DIR")] = None,
    foreground: Annotated[bool, typer.Option(help="serve in this process (Docker)")] = False,
) -> None:
    """The main job: start (or reuse) Neo4j, load the corpus, serve API and pages."""
    from . import api_process, neo4j_local

    s = get_settings()
    folder = corpus or s.corpus_dir
    if not folder.exists():
        raise VielfaltError(f"{folder}: corpus folder not found (set CORPUS_DIR)")
    st = neo4j_local.start(s)
    console.print(f"Neo4j bereit: {st.uri}")
    report = _load_with_progress([folder], force=False)
    console.print(_summary(report))
    _report_failures(report.failed)
    _report_duplicates(report.duplicates)
    url = api_process.api_url(s)
    if foreground:
        console.print(f"API und Seiten: {url}/")
        api_process.serve(s)
        return
    pid, started = api_process.start_api(s)
    how = f"gestartet (pid {pid})" if started else "laufen bereits"
    console.print(
        f"API und Seiten {how}: {url}/  ·  GraphQL: {url}/graphql  ·  beenden mit `vielfalt down`"
    )


def down() -> None:
    """Stop the background API and the local Neo4j that `up` started."""
    from . import api_process, neo4j_local

    api = api_process.stop_api()
    n4j = neo4j_local.stop(get_settings())
    console.print(
        f"API {'gestoppt' if api else 'lief nicht'}, Neo4j {'gestoppt' if n4j else 'lief nicht'}"
    )


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("load")(load)
    app.command("up")(up)
    app.command("down")(down)
