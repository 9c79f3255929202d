"""Measure titles are whole phrases: the share of fragments over the corpus stays small."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from loaders.measures.titles import item_title, noun_phrase

ROOT = Path(__file__).parents[3]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "bench"))
from title_quality import fragment_reason, measure_titles  # noqa: E402


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("Juni 2021 und dem 1", "dangling_end"),
        ("Mentoring-Verfahren bei dem ein", "dangling_end"),
        ("Sichtbarkeit der Angebote in relevanten", "dangling_end"),
        ("Veranstaltungen", "single_word"),
        ("im Rahmen externer Verfahren", "mid_sentence_start"),
        ("Projekt „Hand in Hand", "unbalanced"),
        ("Eine erneute Befragung ist geplant", None),
        ("Podcast „Wegweiser hakt nach“", None),
    ],
)
def test_the_fragment_definition(title: str, reason: str | None):
    assert fragment_reason(title) == reason


def test_a_single_word_head_is_replaced_by_its_clause():
    text = "Die Vorstellungsgespräche werden kultursensibel geführt. Danach mehr."
    assert noun_phrase(text, text.index("Vorstellungs")) == (
        "Die Vorstellungsgespräche werden kultursensibel geführt"
    )


def test_a_quoted_name_is_not_cut_at_its_inner_full_stop():
    text = "Konferenz „Open Up+. Vielfalt trifft Gestaltung“ mit 80 Gästen. Weiter."
    assert (
        item_title(text, None, True, None)
        == "Konferenz „Open Up+. Vielfalt trifft Gestaltung“ mit 80 Gästen"
    )


def test_abbreviations_do_not_end_a_title():
    text = "Im Auswahlverfahren wird u.a. Wert auf Kompetenz gelegt. Weiter."
    assert "Kompetenz" in noun_phrase(text, text.index("Auswahl"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_few_measure_titles_of_the_corpus_are_fragments():
    """34 % were fragments before whole-phrase titles (BENCHMARKS.md); now under 8 %."""
    rows = measure_titles([CORPUS])
    bad = [t for _, t, _ in rows if fragment_reason(t)]
    assert len(rows) > 500
    assert len(bad) / len(rows) < 0.08, bad[:20]
    assert sum(1 for *_, y in rows if y is None) / len(rows) < 0.02
