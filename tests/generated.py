"""Inputs the tests write themselves: small reports and PDFs.

No corpus passage is copied: every report here is generated from a town name.
"""

from __future__ import annotations

import io
from itertools import product
from pathlib import Path

from pypdf import PdfWriter

__all__ = [
    "report",
    "write_reports",
    "alias_of",
    "make_pdf",
    "blank_pdf",
    "MEASURES_PER_REPORT",
]

MEASURES_PER_REPORT = 3


def report(town: str, year: int = 2021, alias: bool = True) -> str:
    """A partner report on a made-up town: three organisations (the town with an alias in
    brackets unless ``alias`` is false), three measures and two cooperations."""
    short = f" ({alias_of(town)})" if alias else ""
    return (
        f"# Partnerbericht {year + 2}\n\n"
        f"## Stadt {town}\n\n"
        "Handlungsfeld 1: Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte\n\n"
        f"Die Stadt {town}{short} führte {year} eine Mitarbeiterbefragung durch.\n"
        f"Im Jahr {year + 1} besuchte die Stadt {town} drei Jobmessen gemeinsam mit dem "
        f"Jobcenter {town}.\n"
        f"Die Stadt {town} arbeitet in Kooperation mit dem Deutschen Caritasverband.\n"
    )


def _towns(n: int) -> list[str]:
    parts = ("Ber", "Lin", "Dor", "Kal", "Mer", "Tan", "Wal", "Fel")
    ends = ("au", "bach", "feld", "heim", "stein", "dorf", "burg", "hagen")
    return [f"{a}{b.lower()}{c}" for a, b, c in product(parts, parts, ends)][:n]


def write_reports(folder: Path, n: int, first: int = 0) -> list[str]:
    """``n`` reports on different towns in ``folder``; returns their file names."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i, town in enumerate(_towns(first + n)[first:]):
        name = f"bericht-{first + i:03d}.md"
        (folder / name).write_text(report(town), encoding="utf-8")
        names.append(name)
    return names


def alias_of(town: str) -> str:
    """The short form :func:`report` gives the town."""
    return "S" + "".join(w[0] for w in town.split()).upper() + "X"


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF whose text layer holds ``pages`` (one list of lines per page)."""
    objects: list[str | bytes] = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [{}] /Count {} >>".format(
            " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))), len(pages)
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        ops = ["BT /F1 12 Tf 72 720 Td 14 TL"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
        )
        objects.append("\n".join(ops).encode("cp1252"))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        if isinstance(obj, bytes):
            out += f"{number} 0 obj\n<< /Length {len(obj)} >>\nstream\n".encode()
            out += obj + b"\nendstream\nendobj\n"
        else:
            out += f"{number} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def blank_pdf(password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
