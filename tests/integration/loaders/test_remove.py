"""`vielfalt db remove DOC`: everything the document contributed goes, aliases included;
an unknown document is an error that changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from queries import db
from queries.fingerprint import fingerprint
from queries.settings import Settings
from tests.conftest import clean_graph
from tests.generated import alias_of, report
from tests.integration.loaders.test_bad_inputs import vielfalt

pytestmark = pytest.mark.integration


def _aliases(s: Settings, name: str) -> list[str]:
    rows = db.read("MATCH (o:Organisation {name: $name}) RETURN o.aliases AS a", s, name=name)
    return rows[0]["a"] if rows else []


def test_remove_leaves_the_graph_as_if_the_document_was_never_loaded(
    graph: Settings, tmp_path: Path
) -> None:
    (tmp_path / "a.md").write_text(report("Birkenau"), encoding="utf-8")
    (tmp_path / "b.md").write_text(report("Birkenau", 2015, alias=False), encoding="utf-8")
    assert vielfalt("load", str(tmp_path / "b.md")).returncode == 0
    only_b = fingerprint(graph)

    clean_graph(graph)
    assert vielfalt("load", str(tmp_path / "a.md"), str(tmp_path / "b.md")).returncode == 0
    assert alias_of("Birkenau") in _aliases(graph, "Stadt Birkenau")  # added by a.md only
    done = vielfalt("db", "remove", "a.md")
    assert done.returncode == 0 and "a.md: aus dem Graphen entfernt" in done.stdout
    assert alias_of("Birkenau") not in _aliases(graph, "Stadt Birkenau")
    assert fingerprint(graph) == only_b


def test_an_alias_two_documents_give_stays_with_the_other(graph: Settings, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(report("Kiefernau"), encoding="utf-8")
    (tmp_path / "b.md").write_text(report("Kiefernau", 2015), encoding="utf-8")
    assert vielfalt("load", str(tmp_path)).returncode == 0
    assert vielfalt("db", "remove", "a.md").returncode == 0
    assert _aliases(graph, "Stadt Kiefernau") == [alias_of("Kiefernau")]
    assert vielfalt("db", "remove", "b.md").returncode == 0
    assert db.counts(graph)["nodes"] == {"Category": 6}


def test_removing_an_unknown_document_is_an_error_and_changes_nothing(
    graph: Settings, tmp_path: Path
) -> None:
    (tmp_path / "a.md").write_text(report("Pappelheim"), encoding="utf-8")
    assert vielfalt("load", str(tmp_path)).returncode == 0
    before = fingerprint(graph)
    done = vielfalt("db", "remove", "b.md")
    assert done.returncode == 1
    assert done.stderr.strip().startswith("Fehler: b.md: kein geladenes Dokument")
    assert "entfernt" not in done.stdout
    assert fingerprint(graph) == before
