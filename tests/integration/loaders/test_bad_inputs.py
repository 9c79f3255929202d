"""A folder of bad inputs, loaded as a user would: one German line per bad file, the rest
loads, the exit status says so, and nothing of a failed file reaches the graph.

Every input is written here, into a temporary folder.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfWriter

from queries import db
from queries.fingerprint import fingerprint
from queries.settings import Settings
from tests.generated import MEASURES_PER_REPORT, blank_pdf, make_pdf, report

pytestmark = pytest.mark.integration

LIMIT = 20_000  # SOURCE_MAX_BYTES for these runs


def vielfalt(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    cli = Path(sys.executable).with_name("vielfalt")
    return subprocess.run(
        [str(cli), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "SOURCE_MAX_BYTES": str(LIMIT), **(env or {})},
    )


def _encrypted_pdf_with_text() -> bytes:
    from pypdf import PdfReader

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Stadt Geheim"]]))))
    writer.encrypt("geheim", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def bad_folder(root: Path) -> tuple[Path, dict[str, str], set[str]]:
    """(folder, {bad file name: expected reason}, names of the good documents)."""
    folder = root / "eingang"
    folder.mkdir()
    good = {
        "gut.md": report("Birkenau").encode(),
        "bericht mit leerzeichen.md": report("Lindenau").encode(),
        "Übersicht Ämter.md": report("Ölbach").encode(),
        "zeile\numbruch.md": report("Zeilenbruch").encode(),
        "-strich.md": report("Strichhausen").encode(),
        "latin1.txt": report("Börnsen").encode("latin-1"),
        "utf16-ohne-bom.txt": report("Üxheim").encode("utf-16-le"),
        "mit-text.pdf": make_pdf([report("Pdfingen").splitlines()]),
    }
    for name, data in good.items():
        (folder / name).write_bytes(data)
    (folder / "kopie.md").write_bytes(good["gut.md"])  # the same report under another name
    text_pdf = make_pdf([report("Abgeschnitten").splitlines()])
    bad = {
        "leer.txt": (b"", "leere Datei"),
        "leerzeichen.txt": (b" \n\t\n", "leere Datei"),
        "binaer.txt": (b"PK\x03\x04\x00\x00\x07binary\x00\x01", "Binärdatei (enthält NUL-Bytes)"),
        "abgeschnitten.pdf": (text_pdf[: len(text_pdf) // 3], "PDF beschädigt oder unvollständig"),
        "verschluesselt.pdf": (_encrypted_pdf_with_text(), "PDF ist verschlüsselt"),
        "verschluesselt-rc4.pdf": (blank_pdf(password="geheim"), "PDF ist verschlüsselt"),
        "scan.pdf": (blank_pdf(), "PDF ohne Textebene"),
        "riesig.txt": ((report("Groß") * 200).encode(), "Datei zu groß"),
    }
    for name, (data, _reason) in bad.items():
        (folder / name).write_bytes(data)
    (folder / "schleife-a.txt").symlink_to("schleife-b.txt")
    (folder / "schleife-b.txt").symlink_to("schleife-a.txt")
    reasons = {name: reason for name, (_data, reason) in bad.items()}
    reasons["schleife-a.txt"] = reasons["schleife-b.txt"] = "symbolischer Link ohne"
    return folder, reasons, set(good)


def _documents(s: Settings) -> set[str]:
    return {r["id"] for r in db.read("MATCH (d:Document) RETURN d.id AS id", s)}


def test_bad_files_one_line_each_the_rest_loads(graph: Settings, tmp_path: Path) -> None:
    folder, reasons, good = bad_folder(tmp_path)
    done = vielfalt("load", str(folder))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    errors = [line for line in done.stderr.splitlines() if line.startswith("Fehler:")]
    assert len(errors) == len(reasons), done.stderr
    for name, reason in reasons.items():
        mine = [line for line in errors if f"{folder / name}: " in line]
        assert len(mine) == 1 and reason in mine[0], (name, errors)
    # the same report under another name: loaded once, the second named as a duplicate
    notes = [line for line in done.stderr.splitlines() if line.startswith("Hinweis:")]
    assert len(notes) == 1 and "kopie.md" in notes[0] and "gut.md" in notes[0]
    # a newline in a file name stays on its line (escaped): no other lines on stderr
    rest = [line for line in done.stderr.splitlines() if line.strip()]
    assert all(line.startswith(("Fehler:", "Hinweis:")) for line in rest), rest

    assert _documents(graph) == good
    measures = db.read("MATCH (m:Measure) RETURN m.doc AS doc, count(*) AS n", graph)
    assert {r["doc"]: r["n"] for r in measures} == {d: MEASURES_PER_REPORT for d in good}
    names = {r["name"] for r in db.read("MATCH (o:Organisation) RETURN o.name AS name", graph)}
    assert {"Stadt Börnsen", "Stadt Üxheim", "Stadt Ölbach", "Stadt Pdfingen"} <= names
    # nothing of a failed file anywhere: no document, measure or evidence entry
    failed = list(reasons) + ["kopie.md"]
    assert not db.read(
        "MATCH ()-[r]->() WHERE any(d IN coalesce(r.ev_docs, []) WHERE d IN $failed) "
        "RETURN r LIMIT 1",
        graph,
        failed=failed,
    )
    assert not db.read(
        "MATCH (m:Measure) WHERE m.doc IN $failed RETURN m LIMIT 1", graph, failed=failed
    )

    before = fingerprint(graph)
    again = vielfalt("load", str(folder))
    assert again.returncode == 1 and fingerprint(graph) == before  # idempotent


def test_a_report_loaded_before_under_another_name_is_not_doubled(
    graph: Settings, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "bericht-2023.md").write_text(report("Tannhausen"), encoding="utf-8")
    (tmp_path / "b" / "bericht-2023-final.md").write_text(report("Tannhausen"), encoding="utf-8")
    assert vielfalt("load", str(tmp_path / "a")).returncode == 0
    before = fingerprint(graph)
    done = vielfalt("load", str(tmp_path / "b"))
    assert done.returncode == 0, done.stderr
    assert "gleicher Inhalt wie bericht-2023.md" in done.stderr
    assert fingerprint(graph) == before  # measures not doubled, nothing else changed either
    forced = vielfalt("load", "--force", str(tmp_path / "b"))
    assert forced.returncode == 0 and fingerprint(graph) == before


def test_two_files_with_one_name_the_second_fails(graph: Settings, tmp_path: Path) -> None:
    for sub, town in (("a", "Erle"), ("b", "Esche")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "bericht.md").write_text(report(town), encoding="utf-8")
    done = vielfalt("load", str(tmp_path))
    assert done.returncode == 1
    assert f"Fehler: {tmp_path / 'b' / 'bericht.md'}: Name schon vergeben" in done.stderr
    assert _documents(graph) == {"bericht.md"}


def test_an_empty_folder_is_an_error(graph: Settings, tmp_path: Path) -> None:
    (tmp_path / "leer").mkdir()
    (tmp_path / "leer" / "notizen.docx").write_text("x")
    before = fingerprint(graph)
    done = vielfalt("load", str(tmp_path / "leer"))
    assert done.returncode == 1
    assert f"Fehler: {tmp_path / 'leer'}: keine ladbaren Dateien in" in done.stderr
    assert fingerprint(graph) == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("merges: [unclosed\n", "ungültiges YAML"),
        ("renames: !!python/object/apply:os.system ['echo unsicher']\n", "YAML-Tag"),
        (
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
                for p, n in zip("abcdefgh", "bcdefghi", strict=True)
            )
            + "merges: *i\n",
            "YAML-Aliase vervielfachen",
        ),
        ("- eine\n- Liste\n", "muss eine Zuordnung"),
        ("renames:\n  - name: X\n", "renames.0.to: Angabe fehlt"),
        ("x" * 5000, "Datei zu groß"),
    ],
)
def test_a_bad_corrections_file_changes_nothing(
    graph: Settings, tmp_path: Path, content: str, reason: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gut.md").write_text(report("Weidenau"), encoding="utf-8")
    fixes = tmp_path / "curation.yaml"
    fixes.write_text(content, encoding="utf-8")
    before = fingerprint(graph)
    env = {"CORRECTIONS_FILE": str(fixes), "CORRECTIONS_MAX_BYTES": "4000"}
    done = vielfalt("load", str(tmp_path / "in"), env=env)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Fehler: {fixes}"), done.stderr
    assert reason in lines[0] and "Traceback" not in done.stderr
    assert "unsicher" not in done.stdout + done.stderr  # the python tag never ran
    assert fingerprint(graph) == before
