"""Title, publisher and year of a document from its text, and the years of its facts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.clean.repair import clean
from loaders.extract import extract_document
from loaders.measures.dating import dated
from loaders.models import CleanText, DocumentExtraction, Link, Measure, SourceText
from loaders.source.document_meta import document_meta
from loaders.source.files import read_source

ROOT = Path(__file__).parents[3]
CORPUS = ROOT.parent / "shared" / "corpus"
TEXTS = ROOT / "bench" / "extraction_texts"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def _text(*lines: str) -> CleanText:
    src = SourceText("x.txt", "x.txt", "", tuple(lines), ())
    return CleanText(src, tuple(lines), tuple(False for _ in lines))


def test_a_title_broken_over_two_lines_is_joined():
    meta = document_meta(
        _text("Vielfalt braucht ein starkes und", "offenes Fundament.", "", "Text")
    )
    assert meta.title == "Vielfalt braucht ein starkes und offenes Fundament"


def test_a_web_page_header_gives_the_publisher_not_the_title():
    meta = document_meta(
        _text("Stadt Beispielstadt – Aktuelle Meldungen", "", "Beispielstadt tritt der Charta bei")
    )
    assert (meta.title, meta.publisher) == (
        "Beispielstadt tritt der Charta bei",
        "Stadt Beispielstadt",
    )


def test_imprint_and_government_formula_name_the_publisher():
    imprint = _text("Titel", "Impressum", "Herausgeber", "Integrationsbüro",
                    "der Stadt Musterstadt", "in Zusammenarbeit mit X")  # fmt: skip
    assert document_meta(imprint).publisher == "Integrationsbüro der Stadt Musterstadt"
    formula = _text("Titel", "Diese Druckschrift wird im Rahmen der Öffentlichkeits-",
                    "arbeit der Landesregierung Musterland he-", "rausgegeben.")  # fmt: skip
    assert document_meta(formula).publisher == "Landesregierung Musterland"


def test_the_year_comes_from_the_title_page_then_the_report_then_the_text():
    assert (
        document_meta(_text("Bericht", "Zeitraum Mai 2016 – Oktober 2017", "Seit 2012 …")).year
        == 2017
    )
    body = ("Die Stadt hat 2020 begonnen.", "Im Jahr 2021 kam 2021 mehr.", "Wir planen 2022.")
    assert document_meta(_text("Ein langer Titel ohne Jahr", "", *body)).year == 2021
    cited = _text("Titel", "Literatur (Hrsg.), 2007 und 2007.", "Ein Satz von 2019.")
    assert document_meta(cited).year == 2019  # bibliography years are not the report's


@needs_corpus
def test_every_corpus_report_and_public_text_has_a_whole_title_and_a_year():
    """General cues only: no document's title is a fragment, every corpus report has a
    publisher and a year, and brochure 001 is no longer "Integration braucht ein stabiles und"."""
    metas = {}
    for path in sorted([*CORPUS.glob("*.txt"), *TEXTS.glob("*.txt")]):
        metas[path.name[:3]] = document_meta(clean(read_source(path)))
    # a headline may end in a separable verb ("… nimmt X auf") or "das!": only an
    # article or conjunction at the very end marks a title cut off at a line break
    cut = re.compile(r"\b(?:und|oder|sowie|der|die|das|den|dem|des|ein|eine|einer|für|mit)$")
    assert all(m.title and not cut.search(m.title) for m in metas.values()), metas
    corpus = {k: m for k, m in metas.items() if k[0].isdigit()}
    assert all(m.publisher and m.year for m in corpus.values()), corpus
    assert corpus["001"].title.endswith("institutionelles Fundament")
    assert (corpus["000"].year, corpus["001"].year, corpus["003"].year) == (2017, 2021, 2011)
    assert corpus["001"].publisher == "Landesregierung Nordrhein-Westfalen"


def test_links_take_the_year_of_their_sentence_else_the_reports():
    x = DocumentExtraction(
        "d", "d", "", year=2021,
        links=(Link("A", "B", "COOPERATES_WITH", 1, "Seit 2019 kooperiert A mit B."),
               Link("A", "C", "COOPERATES_WITH", 2, "A kooperiert mit C.")),
        measures=(Measure("A", 1, "Kampagne", 3, year=2018), Measure("A", 1, "Kurs", 4)),
    )  # fmt: skip
    out = dated(x)
    assert [k.year for k in out.links] == [2019, 2021]
    assert [m.year for m in out.measures] == [2018, 2021]
    assert dated(out) == out  # idempotent


@needs_corpus
def test_extraction_carries_document_year_onto_every_link_and_measure():
    x = extract_document(next(CORPUS.glob("000_*.txt")))
    assert (x.year, x.publisher) == (2017, "Bezirksregierung Arnsberg")
    assert x.measures and all(m.year is not None for m in x.measures)
    assert all(k.year is not None for k in x.links)


def test_the_corrections_file_overrides_title_publisher_and_year():
    from loaders.resolve.curation import apply_corrections
    from queries.corrections import Corrections, DocumentFix

    x = DocumentExtraction("r.txt", "r.txt", "", title="Schlecht", publisher=None, year=2020)
    fix = Corrections(documents=(DocumentFix(doc="r.txt", title="Gut", year=2021),))
    out = dated(apply_corrections(x, fix))
    assert (out.title, out.publisher, out.year) == ("Gut", None, 2021)
    other = Corrections(documents=(DocumentFix(doc="anderes.txt", title="Gut"),))
    assert apply_corrections(x, other).title == "Schlecht"


def test_a_bad_document_correction_is_one_german_error(tmp_path: Path):
    from queries.corrections import load_corrections
    from queries.errors import InputError

    bad = tmp_path / "curation.yaml"
    bad.write_text("documents:\n  - doc: r.txt\n    year: 12\n", encoding="utf-8")
    with pytest.raises(InputError, match="documents.0.year: ist zu klein"):
        load_corrections(bad)
