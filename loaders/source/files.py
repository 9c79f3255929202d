"""Read source files (text, Markdown, PDF, HTML) into :class:`SourceText` records.

Every later stage cites evidence by line number, so this stage fixes the numbering once:
text files keep their lines as given (universal newlines), a PDF contributes the lines of
its text layer page by page (the page of each line is kept), an HTML page one line per
block element. Anything that cannot be read as text is refused here with an
:class:`InputError` that names the file and the problem, so no later stage has to guess.

>>> from tempfile import TemporaryDirectory
>>> with TemporaryDirectory() as tmp:
...     path = Path(tmp) / "bericht.txt"
...     _ = path.write_bytes("Stadt Köln\\r\\nKreis Unna\\n".encode("cp1252"))
...     read_source(path).lines
('Stadt Köln', 'Kreis Unna')
"""

from __future__ import annotations

import errno
import hashlib
import io
import logging
import os
import re
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

from loaders.errors import InputError
from loaders.models import SourceText
from queries.settings import get_settings

__all__ = ["SUFFIXES", "iter_source_files", "read_source", "decode_text"]

log = logging.getLogger(__name__)

_BROKEN_LINK = "symbolischer Link ohne erreichbares Ziel (fehlt oder Schleife)"
_OS_PROBLEMS = {
    errno.ELOOP: "Schleife symbolischer Links",
    errno.EACCES: "keine Leseberechtigung",
    errno.ENOENT: "Datei nicht gefunden",
    errno.EISDIR: "ist ein Ordner, keine Datei",
}
SUFFIXES = frozenset({".txt", ".md", ".pdf", ".html", ".htm"})
_NEWLINES = re.compile(r"\r\n|\r|\n")
# control characters that never occur in real text (tab, newlines and form feed do)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02
_HTML_DROP = ("script", "style", "noscript", "template", "head", "svg")
_HTML_BLOCKS = (
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
)


def iter_source_files(
    paths: Iterable[Path | str], on_error: Callable[[InputError], None] | None = None
) -> list[Path]:
    """The readable files named by ``paths``; folders are searched recursively.

    Hidden files and folders are skipped, links to folders are not followed (no loops), the
    result is sorted and free of duplicates. A missing path, a named file with an
    unsupported suffix, a link that leads nowhere (or in a circle) and a folder without any
    loadable file are :class:`InputError` s: raised, or handed to ``on_error`` while the
    other paths are still searched.
    """
    found: set[Path] = set()

    def refuse(error: InputError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = _files_in(path, refuse)
            if not inside:
                allowed = ", ".join(sorted(SUFFIXES))
                refuse(InputError(str(path), f"keine ladbaren Dateien in {path} ({allowed})"))
            found.update(inside)
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                allowed = ", ".join(sorted(SUFFIXES))
                refuse(InputError(str(path), f"Dateityp nicht unterstützt (erwartet: {allowed})"))
                continue
            found.add(path)
        elif path.is_symlink():
            refuse(InputError(str(path), _BROKEN_LINK))
        else:
            refuse(InputError(str(path), "Datei oder Ordner nicht gefunden"))
    return sorted(found)


def _files_in(folder: Path, refuse: Callable[[InputError], None]) -> list[Path]:
    out = []
    for root, dirs, files in os.walk(folder):  # does not follow links to folders
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            child = Path(root) / name
            if name.startswith(".") or child.suffix.lower() not in SUFFIXES:
                continue
            if child.is_file():
                out.append(child)
            elif child.is_symlink():
                refuse(InputError(str(child), _BROKEN_LINK))
    return out


def read_source(path: Path | str, max_bytes: int | None = None) -> SourceText:
    """Read one file into lines; refuses empty, binary, oversized and unreadable files.

    ``max_bytes`` defaults to the setting ``SOURCE_MAX_BYTES``.
    """
    path = Path(path)
    limit = max_bytes if max_bytes is not None else get_settings().source_max_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                str(path), f"Datei zu groß ({size} Bytes, erlaubt {limit}: SOURCE_MAX_BYTES)"
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # the file may grow after stat()
        if len(data) > limit:
            raise InputError(str(path), f"Datei zu groß (über {limit} Bytes: SOURCE_MAX_BYTES)")
    except OSError as exc:
        problem = _OS_PROBLEMS.get(exc.errno or 0, f"Fehler {exc.errno}")
        raise InputError(str(path), f"Datei nicht lesbar ({problem})") from exc
    if not data.strip():
        raise InputError(str(path), "leere Datei")
    suffix = path.suffix.lower()
    pages: tuple[int | None, ...]
    if suffix == ".pdf":
        lines, page_list = _pdf_lines(path, data)
        pages = tuple(page_list)
    else:
        text = decode_text(data, str(path))
        lines = _html_lines(text) if suffix in (".html", ".htm") else _split_lines(text)
        pages = (None,) * len(lines)
    if not any(line.strip() for line in lines):
        raise InputError(str(path), "kein Text in der Datei")
    log.debug("read %s: %d lines", path.name, len(lines))
    return SourceText(
        path=str(path),
        name=path.name,
        lines=tuple(lines),
        pages=pages,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def decode_text(data: bytes, source: str = "<bytes>") -> str:
    """Decode bytes as UTF-8 (BOM dropped), else cp1252, else latin-1; refuse binary data.

    UTF-16 is recognised by its BOM, or without one by its pattern of NUL bytes (every
    second byte of Latin text); other NUL bytes mean a binary file.

    >>> decode_text("Behörde".encode("utf-16-le"))
    'Behörde'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_text(data.decode("utf-16"), source)
        except UnicodeDecodeError as exc:
            raise InputError(source, "ungültiger UTF-16-Text") from exc
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError(source, "Binärdatei (enthält NUL-Bytes)")
        log.info("%s has no BOM; decoded as %s", source, encoding)
        return _check_text(data.decode(encoding), source)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8-sig":
            log.info("%s is not UTF-8; decoded as %s", source, encoding)
        return _check_text(text, source)
    log.info("%s is neither UTF-8 nor cp1252; decoded as latin-1", source)
    return _check_text(data.decode("latin-1"), source)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' if nearly every second byte is NUL (and decodes), else None."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.9 * half and other == 0:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def _check_text(text: str, source: str) -> str:
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise InputError(source, "Binärdatei (überwiegend Steuerzeichen)")
    return text


def _split_lines(text: str) -> list[str]:
    lines = _NEWLINES.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # a final newline ends the last line, it does not start a new one
    return lines


def _pdf_lines(path: Path, data: bytes) -> tuple[list[str], list[int | None]]:
    """The text layer of a PDF, one entry per line, with the 1-based page of each line."""
    from pypdf import PdfReader

    lines: list[str] = []
    pages: list[int | None] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(str(path), "PDF ist verschlüsselt (Passwort nötig)")
            for number, page in enumerate(reader.pages, start=1):
                for line in _split_lines(page.extract_text() or ""):
                    lines.append(line)
                    pages.append(number)
        except InputError:
            raise
        except Exception as exc:  # pypdf raises many kinds of errors on broken files
            log.info("pypdf cannot read %s: %r", path, exc)
            if "crypt" in str(exc).lower():
                raise InputError(str(path), "PDF ist verschlüsselt (nicht lesbar)") from exc
            raise InputError(str(path), "PDF beschädigt oder unvollständig") from exc
    for warning in caught:
        log.debug("pypdf on %s: %s", path.name, warning.message)
    if not any(line.strip() for line in lines):
        raise InputError(str(path), "PDF ohne Textebene (gescanntes Bild?): erst OCR anwenden")
    return lines, pages


def _html_lines(html: str) -> list[str]:
    """Visible text of an HTML page, one line per block element, blank runs collapsed."""
    from bs4 import BeautifulSoup, Comment
    from bs4.element import NavigableString

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_HTML_DROP):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for string in list(soup.find_all(string=True)):
        if isinstance(string, NavigableString) and string.find_parent("pre") is None:
            string.replace_with(re.sub(r"\s+", " ", str(string)))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_HTML_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines: list[str] = []
    for line in soup.get_text().split("\n"):
        line = line.strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines
