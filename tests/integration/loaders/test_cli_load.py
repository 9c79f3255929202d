"""`vielfalt load` and `extract` as a user runs them: exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from queries.settings import Settings
from tests.conftest import CORPUS

pytestmark = pytest.mark.integration


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    cli = Path(sys.executable).with_name("vielfalt")
    return subprocess.run(
        [str(cli), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_load_with_a_bad_file_exits_non_zero_naming_it(graph: Settings, tmp_path: Path) -> None:
    (tmp_path / "leer.txt").write_text("")
    (tmp_path / "ok.md").write_text(
        "# Stadt Köln\n\nDie Stadt Köln arbeitet gemeinsam mit dem Jobcenter Köln an Vielfalt.\n",
        encoding="utf-8",
    )
    done = _run("load", str(tmp_path))
    assert done.returncode == 1
    assert "leer.txt" in done.stderr and "Traceback" not in done.stderr
    assert "Dokumente geladen" in done.stdout


def test_invalid_corrections_yaml_is_one_clear_line(graph: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "curation.yaml"
    bad.write_text("merges: [unclosed\n")
    done = _run("load", str(tmp_path), env={"CORRECTIONS_FILE": str(bad)})
    assert done.returncode == 1
    assert "curation.yaml" in done.stderr and "Traceback" not in done.stderr


def test_extract_writes_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    done = _run("extract", str(CORPUS), "--json", str(out))
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {d["doc"] for d in data} == {p.name for p in CORPUS.glob("*.txt")}
    for d in data:
        assert set(d) >= {"doc", "blocks", "organisations", "programmes", "links", "measures"}
        names = {e["name"] for e in d["organisations"] + d["programmes"]}
        assert all(lk["source"] in names and lk["target"] in names for lk in d["links"])


def test_db_remove_takes_a_document_out(graph: Settings, tmp_path: Path) -> None:
    (tmp_path / "bericht.md").write_text(
        "Die Stadt Köln arbeitet in Kooperation mit dem Jobcenter Köln.\n", encoding="utf-8"
    )
    assert _run("load", str(tmp_path)).returncode == 0
    assert _run("db", "remove", "bericht.md").returncode == 0
    from queries import db

    assert db.counts(graph)["nodes"] == {"Category": 6}
