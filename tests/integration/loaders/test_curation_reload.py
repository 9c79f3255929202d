"""Coordinators' corrections survive reloads: applied on every load, added links kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.load.pipeline import load_paths
from queries import db
from queries.corrections import CURATION_DOC, Corrections, LinkFix, Rename, save_corrections
from queries.settings import Settings

pytestmark = pytest.mark.integration

REPORT = (
    "# Bericht der Stadt Köln\n\n"
    "Die Stadt Köln arbeitet in Kooperation mit dem Jobcenter Köln.\n\n"
    "Die Stadt Köln hat die Charta der Vielfalt unterzeichnet.\n"
)


def _links(s: Settings) -> set[tuple[str, str, str, tuple[str, ...]]]:
    rows = db.read(
        "MATCH (a)-[r]->(b) WHERE r.ev_docs IS NOT NULL "
        "RETURN a.name AS a, type(r) AS t, b.name AS b, r.ev_docs AS docs",
        s,
    )
    return {(r["a"], r["t"], r["b"], tuple(sorted(set(r["docs"])))) for r in rows}


def test_corrections_survive_a_changed_document(graph: Settings, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    report = docs / "bericht.md"
    report.write_text(REPORT, encoding="utf-8")
    fixes = tmp_path / "curation.yaml"
    save_corrections(
        Corrections(
            renames=(Rename(name="Jobcenter Köln", to="Jobcenter Köln (Mitte)"),),
            add_links=(
                LinkFix(
                    source="Jobcenter Köln",
                    target="Charta der Vielfalt",
                    type="SIGNED",
                    evidence="laut Koordination",
                ),
            ),
        ),
        fixes,
    )
    s = graph.model_copy(update={"corrections_file": fixes})
    assert load_paths([docs], s).ok
    first = _links(s)
    assert ("Jobcenter Köln (Mitte)", "SIGNED", "Charta der Vielfalt", (CURATION_DOC,)) in first
    names = {r["n"] for r in db.read("MATCH (o:Organisation) RETURN o.name AS n", s)}
    assert "Jobcenter Köln (Mitte)" in names and "Jobcenter Köln" not in names

    report.write_text(REPORT + "\nDie Stadt Köln ist Mitglied im Netzwerk IQ.\n", "utf-8")
    assert load_paths([docs], s).ok
    assert first <= _links(s)  # nothing the coordinator fixed was lost by the reload
