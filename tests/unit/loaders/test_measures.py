"""Measures from brochure-like texts the tests write themselves (no corpus passages)."""

import pytest

from loaders.clean.textstream import build_stream
from loaders.extract import extract_document, to_contract
from loaders.measures.partners import find_measures
from loaders.measures.taxonomy import typed
from loaders.measures.titles import noun_phrase, start_year
from loaders.models import Block, CleanText, SourceText
from loaders.reference import load_reference
from loaders.resolve.entities import Entity, ResolvedDocument


def _measures(body: list[str], category: int = 1):
    """Measures of one partner block spanning all of ``body``."""
    src = SourceText("b.txt", "b.txt", tuple(body), (None,) * len(body), "0")
    stream = build_stream(CleanText(src, src.lines, (False,) * len(body)))
    partner = Entity("org:musterstadt", "org", "Kommune", canonical="Stadt Musterstadt")
    resolved = ResolvedDocument({partner.key: partner}, (), (partner.key,), None)
    block = Block("Stadt Musterstadt", category, 1, len(body))
    return find_measures(stream, (block,), resolved, load_reference())


@pytest.fixture(scope="module")
def reference():
    return load_reference()


def test_type_prefers_the_specific_cue(reference):
    assert typed("Eine Mitarbeiterbefragung fand statt.", reference)[0] == "staff-survey"
    assert typed("Wir waren auf drei Jobmessen.", reference)[0] == "recruiting-fair"
    assert typed("Infos in Leichter Sprache", reference)[0] == "easy-language"
    assert typed("Der Bericht zum Berichtsjahr", reference) is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Seit 2019 gibt es einen Arbeitskreis, 2021 kam ein Workshop hinzu.", 2019),
        ("Im Jahr 2022 wurde ein Leitbild beschlossen.", 2022),
        ("Die Fortbildung fand 2021 statt.", 2021),
        ("Eine Fortbildung ohne Jahr.", None),
    ],
)
def test_start_year(text, year):
    assert start_year(text) == year


def test_noun_phrase_is_short_and_keeps_quoted_names():
    text = "Die Stadt startete 2020 die Kampagne „Vielfalt gewinnt“ in allen Bezirken."
    assert noun_phrase(text, text.index("Kampagne")) == "Kampagne „Vielfalt gewinnt“"
    text = "Alle Beschäftigten besuchten interkulturelle Schulungen für Führungskräfte."
    assert noun_phrase(text, text.index("Schulungen")) == (
        "Interkulturelle Schulungen für Führungskräfte"
    )


def test_one_measure_per_item_with_short_titles():
    measures = _measures(
        [
            "Stadt Musterstadt",
            "• Teilnahme an Ausbildungsmessen in der",
            "Region, dort wurden viele Gespräche geführt.",
            "• Mehrsprachige Flyer für Auszubildende",
            "Stellenausschreibungen: Seit 2020 enthalten alle",
            "Ausschreibungen einen Vielfalts-Passus. Dieser",
            "Passus wird von Bewerbenden gut angenommen.",
            "Die Jahre 2020 und 2021 waren fest im Griff der",
            "Pandemie. Veranstaltungen konnten nicht stattfinden.",
        ]
    )
    assert {(m.line, m.title, m.type, m.year, m.category) for m in measures} == {
        (2, "Teilnahme an Ausbildungsmessen in der Region", "recruiting-fair", None, 1),
        (4, "Mehrsprachige Flyer für Auszubildende", "multilingual-information", None, 1),
        # a one-word label says little: the clause after it completes the title
        (
            5,
            "Stellenausschreibungen: Seit 2020 enthalten alle Ausschreibungen einen "
            "Vielfalts-Passus",
            "job-ad-clause",
            2020,
            1,
        ),
    }
    assert {m.org_id for m in measures} == {"stadt-musterstadt"}


def test_paragraph_reports_a_second_activity_of_another_type():
    measures = _measures(
        [
            "Die Stadt hat 2021 in allen Ämtern und Eigenbetrieben eine",
            "Beschäftigtenbefragung zur Herkunft und zu den Sprachkenntnissen",
            "der Mitarbeitenden durchgeführt. Zudem bietet das Personalamt",
            "interkulturelle Schulungen für Führungskräfte an.",
            "Diese Schulungen sind sehr gefragt.",
        ],
        category=4,
    )
    assert [(m.line, m.type, m.category) for m in measures] == [
        (1, "staff-survey", 4),
        (3, "intercultural-training", 4),
    ]


def test_short_opening_is_read_with_the_next_sentence():
    measures = _measures(["Neu seit 2021 ist dies: Alle Führungskräfte besuchen ein Seminar."])
    assert [(m.line, m.type, m.year) for m in measures] == [(1, "intercultural-training", 2021)]


def test_report_without_blocks_uses_the_reporting_organisation(tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_text(
        "Herausgeber:\nStadt Musterstadt\n\n"
        "Im Jahr 2021 führte die Stadt Musterstadt eine Beschäftigtenbefragung durch.\n\n"
        "Der Arbeitsmarkt wächst, Fachkräfte werden gesucht.\n",
        encoding="utf-8",
    )
    doc = to_contract(extract_document(path))
    assert [(m["org"], m["type"], m["year"], m["category"]) for m in doc["measures"]] == [
        ("Stadt Musterstadt", "staff-survey", 2021, 4)
    ]
