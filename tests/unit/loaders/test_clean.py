"""clean: words repaired across line breaks, page furniture flagged, line map kept."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from loaders.clean.repair import clean, is_page_number, normalise_line
from loaders.clean.textstream import build_stream
from loaders.models import SourceText
from loaders.source.files import iter_source_files, read_source

CORPUS = Path(__file__).parents[3].parent / "shared" / "corpus"


def source(*lines: str) -> SourceText:
    return SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0")


def test_broken_word_is_joined_onto_its_first_line() -> None:
    out = clean(source("Die interkultu-", "relle Öffnung der Verwaltung"))
    assert out.lines == ("Die interkulturelle", "Öffnung der Verwaltung")


def test_stray_space_before_the_hyphen_and_blank_lines_between() -> None:
    out = clean(source("Erfolgsfaktor Inter -", "", "kulturelle Öffnung"))
    assert out.lines == ("Erfolgsfaktor Interkulturelle", "", "Öffnung")


def test_left_out_part_of_a_compound_keeps_its_hyphen() -> None:
    out = clean(
        source("Angebote der Aus-", "und Weiterbildung", "Einstellungs-", "oder Prüfverfahren")
    )
    assert out.lines == (
        "Angebote der Aus-",
        "und Weiterbildung",
        "Einstellungs-",
        "oder Prüfverfahren",
    )


def test_capitalised_continuation_is_a_real_compound() -> None:
    out = clean(source("der Arbeiter-Samariter-", "Bund Ruhr"))
    assert out.lines == ("der Arbeiter-Samariter-Bund", "Ruhr")


def test_hyphen_kept_after_numbers_and_where_the_document_spells_it_so() -> None:
    out = clean(
        source(
            "alle 18-",
            "jährigen Personen",
            "die Vielfalts-",
            "orientierung",
            "Vielfalts-orientierung",
        )
    )
    assert out.lines[0] == "alle 18-jährigen"
    assert out.lines[2] == "die Vielfalts-orientierung"


def test_soft_hyphens_are_removed_or_join() -> None:
    out = clean(source("Inte\u00adgration und Teil\u00ad", "habe"))
    assert out.lines == ("Integration und Teilhabe", "")


def test_line_count_is_kept() -> None:
    lines = ("a-", "b", "", "Stadt-", "Verwaltung", "7")
    assert len(clean(source(*lines)).lines) == len(lines)


def test_page_numbers_and_numbered_running_headers_are_noise() -> None:
    lines: list[str] = []
    for n in range(1, 5):
        lines += [f"Bericht Nummer {n} über die Verwaltung.", "Stadt Musterhausen", ""]
        lines += ["Evaluation und Dokumentation", f"der Umsetzung{n}", f"- {n} -", ""]
    out = clean(source(*lines))
    flagged = {line for line, noisy in zip(out.lines, out.noise, strict=True) if noisy}
    headers = {f"der Umsetzung{n}" for n in range(1, 5)} | {f"- {n} -" for n in range(1, 5)}
    assert flagged == headers | {"Evaluation und Dokumentation"}


def test_repeated_names_without_numbers_are_not_noise() -> None:
    lines = []
    for _ in range(6):
        lines += ["Ein Bericht über das Jahr.", "", "Kreis Musterland", ""]
    assert not any(clean(source(*lines)).noise)


def test_a_name_set_between_drawn_rules_is_no_running_header() -> None:
    """Rules drawn around each profile box recur as often as headers do; the partner's
    name between them is still text."""
    lines = []
    for n in range(12):
        name = "Verein für Vielfalt e. V." if n % 4 == 0 else f"Partner Nummer {n} e. V."
        lines += ["_" * 40, name, "_" * 40, "", f"Ein Bericht über das Jahr {2000 + n}.", ""]
    out = clean(source(*lines))
    assert {line for line, noisy in zip(out.lines, out.noise, strict=True) if noisy} == {"_" * 40}


def test_split_word_is_closed_only_when_the_document_proves_it() -> None:
    out = clean(
        source("faire Beur  teilungsverfahren", "Beurteilungsverfahren sind fair", "zu gehen")
    )
    assert out.lines[0] == "faire Beurteilungsverfahren"
    assert out.lines[2] == "zu gehen"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("\ufb01nden\u00a0 und\tmehr ", "finden und mehr"), ("A\u0308rger", "Ärger")],
)
def test_normalise_line(line: str, expected: str) -> None:
    assert normalise_line(line) == expected


@pytest.mark.parametrize("line", ["12", "- 12 -", "Seite 3", "Seite 3 von 9", "3 / 12"])
def test_page_number_shapes(line: str) -> None:
    assert is_page_number(line)


def test_words_are_not_page_numbers() -> None:
    assert not is_page_number("12 Partner")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_is_repaired_quickly_and_keeps_its_lines() -> None:
    sources = [read_source(p) for p in iter_source_files([CORPUS])]
    started = time.process_time()
    cleaned = [clean(s) for s in sources]
    assert time.process_time() - started < 3.0
    broken = re.compile(r"[a-zäöüß]-$")
    for src, out in zip(sources, cleaned, strict=True):
        assert len(out.lines) == len(out.noise) == len(src.lines)
        before = sum(1 for line in src.lines if broken.search(line.rstrip()))
        after = sum(1 for line in out.lines if broken.search(line))
        assert after <= before // 10


def test_name_line_after_a_lower_case_word_part_is_not_glued_to_it() -> None:
    src = SourceText(
        "x.txt",
        "x.txt",
        ("ein Workshop zu diversitätssensi-", "Kreis Beispielland", "ble Sprache"),
        (None,) * 3,
        "0",
    )
    assert clean(src).lines[1] == "Kreis Beispielland"


def test_sentence_breaks_are_read_from_the_line_end_only() -> None:
    from loaders.clean.textstream import continues_sentence

    assert continues_sentence("Wir arbeiten zusammen mit der")
    assert continues_sentence("Angebote für Kinder und")
    assert not continues_sentence("Wir arbeiten mit der Feder")
    assert not continues_sentence("Der Verein und die Stadt.")


def test_a_sentence_goes_on_after_sankt_and_titles() -> None:
    from loaders.clean.textstream import TextStream, split_sentences

    text = "Der Landkreis St. Wendel und Dr. Anna Muster kooperieren. Prof. Max Muster berichtet."
    sentences = [s.text for s in split_sentences(TextStream(text, (0,), (1,)))]
    assert sentences == [
        "Der Landkreis St. Wendel und Dr. Anna Muster kooperieren.",
        "Prof. Max Muster berichtet.",
    ]


def test_chapter_titles_with_unusual_spaces_are_still_found() -> None:
    from loaders.sections.chapters import _category_markers, load_categories

    lines = (
        "Evaluation,\u2009Dokumentation und Kommunikation",
        "",
        "Synergieeffekte durch",
        "Vernetzung 5",
    )
    src = SourceText("t.txt", "t.txt", lines, (None,) * 4, "0")
    found = _category_markers(clean(src), load_categories())
    assert [(m.line, m.last, m.category) for m in found] == [(0, 0, 4), (2, 3, 5)]


def test_split_word_is_joined_only_where_the_document_proves_it() -> None:
    lines = ("Die Landes bediensteten kamen.", "Alle Landesbediensteten", "Die Stadt feiert.")
    cleaned = clean(SourceText("t.txt", "t.txt", lines, (None,) * 3, "0"))
    assert cleaned.lines[0] == "Die Landesbediensteten kamen."
    assert cleaned.lines[2] == "Die Stadt feiert."


def test_an_m_read_as_rn_is_the_spelling_the_document_uses_more_often() -> None:
    cleaned = clean(
        source("Stadt Worms", "Die Stadt Worms und die", "Handwerkskammer in Worrns", "Kern")
    )
    assert cleaned.lines[2:] == ("Handwerkskammer in Worms", "Kern")


def test_a_picture_placeholder_line_is_no_text() -> None:
    assert clean(source("[Logo]", "Stadt Worms", "[Foto: Rathaus]")).lines == (
        "",
        "Stadt Worms",
        "",
    )


def test_dated_entries_of_a_list_are_no_running_header() -> None:
    """ "Mitglied seit 2015", "Mitglied seit 2017", …: the words recur with a number, but
    a different year each time, so they are entries of a directory; a header repeats its
    year ("Partnerberichte 2023") or counts pages."""
    lines: list[str] = []
    for n, year in enumerate((2015, 2017, 2015, 2019)):
        lines += [f"Verein Nummer {n} e. V.", "Musterstraße 1, 12345 Musterstadt"]
        lines += [f"Mitglied seit {year}", "", "Partnerberichte 2023", ""]
    text = clean(SourceText("v.txt", "v.txt", tuple(lines), (None,) * len(lines), "0"))
    flagged = {line for line, noise in zip(lines, text.noise, strict=True) if noise}
    assert flagged == {"Partnerberichte 2023"}


_PARTNER_TABLE = (
    "Anhang: Kooperationspartner",
    "",
    "  Organisation             Gemeinsame Maßnahmen       Beteiligte Partner",
    "",
    "  Verein für Berufs-       Koordination der Netz-     Hochschule Mannheim;",
    "  integration Mannheim     werktreffen                Stadt Heidelberg",
    "  e. V. (VBI)",
    "",
    "  Türkisch-Deutscher       Ausbildungsbotschafter     Bertha-Ringer-Gewerbe-",
    "  Unternehmerverein Rhein- an Schulen                 schule Mannheim",
    "  Neckar e. V. (TDU)",
    "",
    "Seite 2 von 4",
)


def test_a_table_is_read_row_by_row_as_records_on_the_rows_own_lines() -> None:
    out = clean(source(*_PARTNER_TABLE))
    assert len(out.lines) == len(_PARTNER_TABLE)
    assert out.lines[2] == ""  # the header: its words label the fields
    assert out.lines[4:7] == (
        "Verein für Berufsintegration Mannheim e. V. (VBI)",
        "Gemeinsame Maßnahmen: Koordination der Netzwerktreffen",
        "Beteiligte Partner: Hochschule Mannheim; Stadt Heidelberg",
    )
    # a cell filled to the next column's edge is parted there, a compound keeps its hyphen
    assert out.lines[8] == "Türkisch-Deutscher Unternehmerverein Rhein-Neckar e. V. (TDU)"
    assert out.lines[10] == "Beteiligte Partner: Bertha-Ringer-Gewerbeschule Mannheim"
    assert out.lines[12] == "Seite 2 von 4"


def test_a_row_of_one_line_holds_its_record_as_lines_of_the_stream() -> None:
    out = clean(
        source(
            "Organisation                        Name                Status",
            "Jobcenter Kreis Soest               Sandra Köhne        anwesend",
            "Agentur für Arbeit Meschede-Soest   Ali Karaca          entschuldigt",
        )
    )
    stream = build_stream(out)
    assert stream.text.split("\n")[:3] == [
        "Jobcenter Kreis Soest",
        "Name: Sandra Köhne",
        "Status: anwesend",
    ]
    assert stream.line_at(stream.text.index("Ali Karaca")) == 3


def test_aligned_lines_that_are_no_table_stay_as_they_are() -> None:
    contents = (
        "Inhalt",
        "1   Mehr Beschäftigte mit Einwanderungsgeschichte      4",
        "2   Interkulturelle Kompetenz stärken                  9",
        "3   Gleiche Chancen beim Wohnen                       12",
    )
    assert clean(source(*contents)).lines == tuple(normalise_line(x) for x in contents)
    prose = (
        "Partner          Projekt          Förderung",
        "Stadt Kassel     Brücken          Land Hessen",
        "Jobcenter Kassel Lotsen           Aktion Mensch",
        "Die Übersicht nennt alle Partner, mit denen wir im Jahr 2023 gearbeitet haben.",
    )
    # the sentence below a table runs across its columns: it ends the table, read as it is
    out = clean(source(*prose))
    assert out.lines[1] == "Stadt Kassel\nProjekt: Brücken\nFörderung: Land Hessen"
    assert out.lines[3] == prose[3]


def test_a_tables_header_repeated_on_the_next_page_labels_no_row() -> None:
    out = clean(
        source(
            "Partner              Ansprechperson /     Förderung",
            "                     Funktion",
            "Stadt Kassel         Frau Wolf,           Land Hessen",
            "                     Leiterin",
            "Partner              Ansprechperson /     Förderung",
            "                     Funktion",
            "IHK Kassel           Frau Nord            Stiftung Nord",
        )
    )
    assert out.lines[3] == "Ansprechperson / Funktion: Frau Wolf, Leiterin\nFörderung: Land Hessen"
    assert out.lines[4:6] == ("", "")
    assert out.lines[6] == (
        "IHK Kassel\nAnsprechperson / Funktion: Frau Nord\nFörderung: Stiftung Nord"
    )


def test_a_cells_left_out_part_keeps_its_hyphen() -> None:
    out = clean(
        source(
            "Partner              Maßnahmen            Förderung",
            "Stadt Kassel         Aus-                 Land Hessen",
            "                     und Weiterbildung",
            "IHK Kassel           Beratung             Stiftung Nord",
        )
    )
    assert out.lines[2] == "Maßnahmen: Aus- und Weiterbildung\nFörderung: Land Hessen"


def test_a_numbered_table_of_projects_names_each_row_by_its_project() -> None:
    """Headers a single space parts ("Nr. Projekt", "Laufzeit Förder-" over "summe €")
    are parted where the rows' cells start; the running numbers count the rows, and the
    project column names each row as a text names a project."""
    out = clean(
        source(
            "Nr. Projekt              Träger                Laufzeit Förder-",
            "                                                        summe €",
            "1   Brücken in den       Caritasverband        01/2024– 84.500",
            "    Beruf                Musterstadt e. V.     12/2025",
            "",
            "2   Lotsen im Handwerk   Handwerkskammer       03/2024– 96.000",
            "                         Beispielstadt         02/2026",
        )
    )
    assert out.lines[:2] == ("", "")
    assert out.lines[2:4] == (
        "Projekt „Brücken in den Beruf“",
        "Träger: Caritasverband Musterstadt e. V.\nLaufzeit: 01/2024– 12/2025\n"
        "Fördersumme €: 84.500",
    )
    assert out.lines[5] == "Projekt „Lotsen im Handwerk“"


def test_a_profiles_labels_in_a_column_of_their_own_are_read_as_fields():
    """ "Träger               Bildungswerk X" and the next labels, their values starting at
    one column: each label gets its colon; a value's next line stays; two columns of names
    and roles ("Stadt Musterstadt   Koordination") are no profile."""
    from loaders.clean.tables import read_tables

    profile = [
        "Träger               Bildungswerk Musterstadt gGmbH",
        "Kooperationspartner  Jobcenter Musterstadt;",
        "                     Handwerkskammer Beispielstadt",
        "Förderung            Aktion Mensch",
        "Laufzeit             2024 – 2026",
    ]
    assert read_tables(profile) == [
        "Träger: Bildungswerk Musterstadt gGmbH",
        "Kooperationspartner: Jobcenter Musterstadt;",
        "                     Handwerkskammer Beispielstadt",
        "Förderung: Aktion Mensch",
        "Laufzeit: 2024 – 2026",
    ]
    roles = [
        "Stadt Musterstadt    Koordination",
        "Caritasverband       Beratung",
        "Jobcenter            Vermittlung",
    ]
    assert read_tables(roles) == roles
