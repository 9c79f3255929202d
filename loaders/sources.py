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

import hashlib
import io
import logging
import re
import warnings
from collections.abc import Iterable
from pathlib import Path

from loaders.errors import InputError
from loaders.models import SourceText

__all__ = ["MAX_BYTES", "SUFFIXES", "iter_source_files", "read_source", "decode_text"]

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024  # larger files are refused rather than read into memory
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


def iter_source_files(paths: Iterable[Path | str]) -> list[Path]:
    """The readable files named by ``paths``; folders are searched recursively.

    Hidden files and folders are skipped, the result is sorted and free of duplicates.
    A named file with an unsupported suffix or a missing path is an :class:`InputError`.
    """
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in path.rglob("*"):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and child.suffix.lower() in SUFFIXES and not hidden:
                    found.add(child)
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                allowed = ", ".join(sorted(SUFFIXES))
                raise InputError(str(path), f"unsupported file type (expected one of {allowed})")
            found.add(path)
        else:
            raise InputError(str(path), "no such file or folder")
    return sorted(found)


def read_source(path: Path | str) -> SourceText:
    """Read one file into lines; refuses empty, binary, oversized and unreadable files."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"file too large ({size} bytes, limit {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(str(path), "empty file")
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
        raise InputError(str(path), "no text in file")
    log.debug("read %s: %d lines", path.name, len(lines))
    return SourceText(
        path=str(path),
        name=path.name,
        lines=tuple(lines),
        pages=pages,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def decode_text(data: bytes, source: str = "<bytes>") -> str:
    """Decode bytes as UTF-8 (BOM dropped), else cp1252, else latin-1; refuse binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_text(data.decode("utf-16"), source)
        except UnicodeDecodeError as exc:
            raise InputError(source, "invalid UTF-16 text") from exc
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text")
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


def _check_text(text: str, source: str) -> str:
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise InputError(source, "binary file (mostly control characters), not text")
    return text


def _split_lines(text: str) -> list[str]:
    lines = _NEWLINES.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # a final newline ends the last line, it does not start a new one
    return lines


def _pdf_lines(path: Path, data: bytes) -> tuple[list[str], list[int | None]]:
    """The text layer of a PDF, one entry per line, with the 1-based page of each line."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    lines: list[str] = []
    pages: list[int | None] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(str(path), "encrypted PDF (a password is needed)")
            for number, page in enumerate(reader.pages, start=1):
                for line in _split_lines(page.extract_text() or ""):
                    lines.append(line)
                    pages.append(number)
        except InputError:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
            raise InputError(str(path), f"corrupt or unreadable PDF ({exc})") from exc
        except Exception as exc:  # pypdf raises many kinds of errors on broken files
            if "crypt" in str(exc).lower():
                raise InputError(str(path), f"encrypted PDF cannot be read ({exc})") from exc
            raise InputError(str(path), f"corrupt or unreadable PDF ({exc})") from exc
    for warning in caught:
        log.debug("pypdf on %s: %s", path.name, warning.message)
    if not any(line.strip() for line in lines):
        raise InputError(str(path), "PDF has no text layer (scanned image?); run OCR first")
    return lines, pages


def _html_lines(html: str) -> list[str]:
    """Visible text of an HTML page, one line per block element, blank runs collapsed."""
    from bs4 import BeautifulSoup, Comment, NavigableString

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
