"""The passage of a source document around a cited line, with the cited sentence marked.

Why: a coordinator who doubts a link wants to read the sentence where it was found, in
its context, not only the extracted quote. Evidence stores document and line; the
document node stores the path it was loaded from. Text files (``.txt``, ``.md``) are
read again from there (relative paths from the repository, the working directory or the
corpus folder); for PDF and HTML the line numbers refer to the extracted text, which is
not stored, so the page then shows the cited sentences without their surroundings.

A line is marked when it belongs to one of the quotes the graph cites from the cited
line: the whole line occurs in the quote, or its end starts the quote, or its start ends
it (line breaks and hyphenation ignored); the cited line itself is always marked.

>>> _marks(["Vorher. Die Stadt kooperiert", "mit dem Ver-", "ein Zukunft. Danach", "Anderes."],
...        ["Die Stadt kooperiert mit dem Verein Zukunft."])
[True, True, True, False]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import db
from .documents import document_infos
from .errors import InputError, NotFound
from .records import DocumentRow
from .settings import REPO_ROOT, Settings, get_settings
from .statements import statement

__all__ = ["SourceLine", "SourcePassage", "source_passage", "CONTEXT_LINES"]

CONTEXT_LINES = 12
_TEXT_SUFFIXES = {".txt", ".md"}
_DOCUMENT = statement("source_document")
_QUOTES = statement("source_quotes")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_EDGE = 8  # characters a partial line must share with a quote's start or end


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str
    marked: bool


@dataclass(frozen=True)
class SourcePassage:
    document: DocumentRow
    line: int
    lines: tuple[SourceLine, ...]  # empty when the text cannot be shown
    quotes: tuple[str, ...]
    problem: str = ""  # German: why no passage is shown


def _norm(text: str) -> str:
    return _NON_WORD.sub("", text.lower())


def _touches(line: str, quote: str) -> bool:
    """The (normalised) line lies in the quote, starts it with its end, or ends it with
    its start (at least :data:`_EDGE` characters shared)."""
    if len(line) >= 3 and line in quote:
        return True
    for k in range(len(line), _EDGE - 1, -1):
        if quote.startswith(line[-k:]) or quote.endswith(line[:k]):
            return True
    return False


def _marks(lines: list[str], quotes: list[str]) -> list[bool]:
    normed = [_norm(q) for q in quotes]
    return [any(_touches(_norm(raw.rstrip().rstrip("-")), q) for q in normed) for raw in lines]


def _source_file(path: str | None, doc_id: str, settings: Settings) -> Path | None:
    if not path:
        return None
    given = Path(path)
    for candidate in (
        given,
        REPO_ROOT / given,
        Path.cwd() / given,
        settings.corpus_dir / given.name,
    ):
        if candidate.is_file():
            return candidate
    return None


def source_passage(
    doc_id: str, line: int, *, context: int = CONTEXT_LINES, settings: Settings | None = None
) -> SourcePassage:
    """Lines ``line - context`` to ``line + context`` of document ``doc_id``, marked."""
    settings = settings or get_settings()
    if line < 1:
        raise InputError("zeile", "Die Zeile muss eine positive Zahl sein.")
    found = db.read(_DOCUMENT, settings, doc=doc_id)
    if not found:
        raise NotFound(f"Dokument {doc_id!r} gibt es nicht")
    info = document_infos(settings).get(doc_id) or DocumentRow(
        doc_id, found[0]["title"], None, None
    )
    quotes = tuple(r["quote"] for r in db.read(_QUOTES, settings, doc=doc_id, line=line))
    source = _source_file(found[0]["path"], doc_id, settings)
    if source is None or source.suffix.lower() not in _TEXT_SUFFIXES:
        why = (
            "Die Quelldatei ist nicht mehr vorhanden."
            if source is None
            else "Bei PDF- und HTML-Dateien beziehen sich die Zeilen auf den ausgelesenen "
            "Text, der nicht gespeichert ist; hier stehen nur die zitierten Sätze."
        )
        return SourcePassage(info, line, (), quotes, why)
    text = source.read_text(encoding="utf-8", errors="replace").splitlines()
    if line > len(text):
        raise InputError("zeile", f"Das Dokument hat nur {len(text)} Zeilen.")
    first, last = max(1, line - context), min(len(text), line + context)
    window = text[first - 1 : last]
    marks = _marks(window, list(quotes)) if quotes else [n == line for n in range(first, last + 1)]
    lines = tuple(
        SourceLine(n, t, m or n == line)  # the cited line always, its sentence around it
        for n, t, m in zip(range(first, last + 1), window, marks, strict=True)
    )
    return SourcePassage(info, line, lines, quotes)
