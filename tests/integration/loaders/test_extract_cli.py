"""`vielfalt extract` as a user runs it: no output and no success line before it succeeded.

No database is needed; the inputs are written by the tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.generated import report
from tests.integration.loaders.test_bad_inputs import vielfalt


def test_json_into_a_folder_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "gut.md").write_text(report("Ahornberg"), encoding="utf-8")
    out = tmp_path / "ausgabe"
    out.mkdir()
    done = vielfalt("extract", str(tmp_path / "gut.md"), "--json", str(out))
    assert done.returncode == 1
    assert done.stderr.strip() == f"Fehler: {out}: ist ein Ordner; --json braucht einen Dateinamen"
    assert "extrahiert" not in done.stdout and list(out.iterdir()) == []


def test_an_empty_folder_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "leer").mkdir()
    out = tmp_path / "x.json"
    done = vielfalt("extract", str(tmp_path / "leer"), "--json", str(out))
    assert done.returncode == 1
    assert done.stderr.strip().startswith(f"Fehler: {tmp_path / 'leer'}: keine ladbaren Dateien in")
    assert "extrahiert" not in done.stdout and not out.exists()


def test_only_bad_files_keep_the_old_output(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "leer.txt").write_bytes(b"")
    out = tmp_path / "x.json"
    out.write_text('["vorher"]', encoding="utf-8")
    done = vielfalt("extract", str(tmp_path / "in"), "--json", str(out))
    assert done.returncode == 1
    assert done.stderr.strip() == f"Fehler: {tmp_path / 'in' / 'leer.txt'}: leere Datei"
    assert "extrahiert" not in done.stdout
    assert out.read_text(encoding="utf-8") == '["vorher"]'  # neither emptied nor replaced by []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file


def test_good_and_bad_files_write_the_good_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gut.md").write_text(report("Ahornberg"), encoding="utf-8")
    (tmp_path / "in" / "kopie.md").write_text(report("Ahornberg"), encoding="utf-8")
    (tmp_path / "in" / "-strich und leer.md").write_text(report("Buchenfeld"), encoding="utf-8")
    (tmp_path / "in" / "kaputt.pdf").write_bytes(b"%PDF-1.4\nkaputt")
    out = tmp_path / "neu" / "x.json"
    done = vielfalt("extract", str(tmp_path / "in"), "--json", str(out))
    assert done.returncode == 1
    assert f"Fehler: {tmp_path / 'in' / 'kaputt.pdf'}: PDF beschädigt" in done.stderr
    assert "kopie.md: gleicher Inhalt wie gut.md" in done.stderr
    assert "2 Dokument(e) extrahiert" in done.stdout and "1 fehlerhaft" in done.stdout
    docs = {d["doc"] for d in json.loads(out.read_text(encoding="utf-8"))}
    assert docs == {"gut.md", "-strich und leer.md"}


def test_a_leading_dash_file_named_directly(tmp_path: Path) -> None:
    (tmp_path / "-bericht.md").write_text(report("Eibenstock"), encoding="utf-8")
    out = tmp_path / "x.json"
    done = vielfalt("extract", "--json", str(out), "--", str(Path("-bericht.md")), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [d["doc"] for d in json.loads(out.read_text(encoding="utf-8"))] == ["-bericht.md"]
