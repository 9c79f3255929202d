"""Tables as CSV in two dialects, and numbers as German readers write them.

Why two dialects: tools (pandas, R, Gephi) read plain CSV — comma, decimal point, UTF-8.
German Excel opens a double-clicked ``.csv`` with the semicolon as separator and the comma
as decimal mark, and needs a byte-order mark to see UTF-8 (else "Köln" turns into
"KÃ¶ln"). Both dialects write the same cells; only floats and the framing differ.

>>> number_de(1234.5, 2), number_de(0.25), number_de(7)
('1.234,50', '0,2500', '7')
>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     out = pathlib.Path(tmp) / "t.csv"
...     _ = write_csv(out, ["name", "wert"], [{"name": "Köln", "wert": 0.5}], "excel-de")
...     out.read_bytes()[:3], out.read_text(encoding="utf-8-sig").splitlines()
(b'\\xef\\xbb\\xbf', ['name;wert', 'Köln;0,5000'])
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import InputError

__all__ = ["CSV_DIALECTS", "write_csv", "csv_text", "number_de", "check_dialect"]

CSV_DIALECTS = ("plain", "excel-de")
_FLOAT_DIGITS = 4


def number_de(value: float | int, digits: int = _FLOAT_DIGITS) -> str:
    """A number with German marks: decimal comma, dot between thousands (floats only)."""
    if isinstance(value, bool) or not isinstance(value, float):
        return str(value)
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def check_dialect(dialect: str) -> str:
    if dialect not in CSV_DIALECTS:
        raise InputError("dialect", f"unknown CSV dialect {dialect!r}; allowed: plain, excel-de")
    return dialect


def _cell(value: Any, dialect: str) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return number_de(value).replace(".", "") if dialect == "excel-de" else repr(value)
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return value


def _write_rows(
    fh: Any, columns: Sequence[str], rows: Iterable[Mapping[str, Any]], dialect: str
) -> None:
    writer = csv.writer(fh, delimiter=";" if dialect == "excel-de" else ",", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c), dialect) for c in columns])


def csv_text(
    columns: Sequence[str], rows: Iterable[Mapping[str, Any]], dialect: str = "plain"
) -> str:
    """The table as CSV text (the byte-order mark of ``excel-de`` is the file's: write the
    text with encoding ``utf-8-sig``)."""
    buf = io.StringIO()
    _write_rows(buf, columns, rows, check_dialect(dialect))
    return buf.getvalue()


def write_csv(
    path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, Any]], dialect: str = "plain"
) -> Path:
    """Write ``rows`` (missing keys stay empty) under ``columns`` in the chosen dialect."""
    check_dialect(dialect)
    excel = dialect == "excel-de"
    with path.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        _write_rows(fh, columns, rows, dialect)
    return path
