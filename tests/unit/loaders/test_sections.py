"""split_sections: chapters, partner headings and blocks from layout cues."""

from __future__ import annotations

from pathlib import Path

import pytest
from brochure_text import TITLES, Brochure, as_set, report, toc, trailing_brochure

from loaders.clean.repair import clean
from loaders.errors import InputError
from loaders.models import SourceText
from loaders.reference import load_organisation_words
from loaders.sections.blocks import find_partner_headings, split_sections
from loaders.sections.chapters import find_chapters, load_categories
from loaders.sections.forms import without_label
from loaders.sections.headings import Heading
from loaders.source.files import iter_source_files, read_source

CORPUS = Path(__file__).parents[3].parent / "shared" / "corpus"
BROCHURE = "001_28ce5d2a485659aa.txt"


def test_trailing_headings_give_exact_blocks() -> None:
    b = trailing_brochure()
    assert as_set(split_sections(b.text())) == b.expected()


def test_trailing_headings_without_page_numbers_use_running_headers() -> None:
    b = trailing_brochure()
    text = b.text()
    flat = SourceText("b.txt", "b.txt", text.source.lines, (None,) * len(text.lines), "0")
    assert as_set(split_sections(clean(flat))) == b.expected()


def test_leading_headings_own_the_text_below_them() -> None:
    b = Brochure()
    b.page(toc())
    for category, title in TITLES.items():
        b.page([title, "", "Eine kurze Einleitung in das Handlungsfeld.", ""])
        for n, partner in enumerate(["Bezirksregierung Nordstadt", "Jobcenter Südstadt"]):
            b.page([partner, "", *report(partner, n)], (partner, category))
            b.owners[-1][0] = None  # the name line heads the report; no sentence of it
    assert as_set(split_sections(b.text())) == b.expected()


def test_two_chapter_titles_on_one_page_each_open_their_chapter() -> None:
    # the first chapter is one short report: the second chapter's title follows it on the
    # same page, and the report stays in the first chapter
    b = Brochure()
    b.page(toc())
    partners = ["Bezirksregierung Nordstadt", "Jobcenter Südstadt"]
    for category, title in TITLES.items():
        opening = [title, "", "Eine kurze Einleitung in das Handlungsfeld.", ""]
        if category == 1:
            b.page(opening)
            b.pages[-1] += [partners[0], "", *report(partners[0], 0), ""]
            b.owners[-1] += [None, None] + [(partners[0], 1)] * 7 + [None]
            continue
        if category == 2:
            b.pages[-1] += opening
            b.owners[-1] += [None] * len(opening)
        else:
            b.page(opening)
        for n, partner in enumerate(partners):
            b.page([partner, "", *report(partner, n)], (partner, category))
            b.owners[-1][0] = None
    assert as_set(split_sections(b.text())) == b.expected()


def test_chapter_labels_set_in_spaced_capitals_are_read() -> None:
    # "H A N D L U N G S F E L D  2" over a title of the brochure's own words
    b = Brochure()
    b.page(toc())
    themes = {1: "Neue Wege in Arbeit", 2: "Gemeinsam lernen", 3: "Faire Chancen"}
    for category, theme in themes.items():
        label = " ".join("HANDLUNGSFELD") + f"  {category}"
        b.page([label, theme, "", "Eine kurze Einleitung in das Handlungsfeld.", ""])
        for n, partner in enumerate(["Bezirksregierung Nordstadt", "Jobcenter Südstadt"]):
            b.page([partner, "", *report(partner, n)], (partner, category))
            b.owners[-1][0] = None
    assert [c.category for c in find_chapters(b.text())] == [1, 2, 3]


def test_partner_names_set_in_spaced_capitals_are_read_as_words() -> None:
    # "B E Z I R K S R E G I E R U N G   N O R D - S T A D T": letters set apart, words
    # set apart by wider gaps, a hyphen spaced like a letter
    b = Brochure()
    b.page(toc())
    for category, title in TITLES.items():
        b.page([title, "", "Eine kurze Einleitung in das Handlungsfeld.", ""])
        for n, partner in enumerate(["Bezirksregierung Nord-Stadt", "Jobcenter Südstadt"]):
            spaced = "   ".join(" ".join(word.upper()) for word in partner.split())
            b.page([spaced, "", *report(partner, n)], (partner, category))
            b.owners[-1][0] = None
    assert as_set(split_sections(b.text())) == b.expected()


def test_a_line_of_tags_under_a_partners_name_is_no_partner() -> None:
    b = Brochure()
    b.page(toc())
    for category, title in TITLES.items():
        b.page([title, "", "Eine kurze Einleitung in das Handlungsfeld.", ""])
        for n, partner in enumerate(["Bezirksregierung Nordstadt", "Jobcenter Südstadt"]):
            b.page([partner, "#Personal #Vielfalt #Ausbildung", "", *report(partner, n)])
            b.owners[-1][2:] = [(partner, category)] * (len(b.owners[-1]) - 2)
    assert {blk.partner for blk in split_sections(b.text())} == {
        "Bezirksregierung Nordstadt",
        "Jobcenter Südstadt",
    }


def test_unit_named_after_a_partners_short_form_is_not_a_partner() -> None:
    b = Brochure()
    b.page(toc())
    parent = "Landschaftsverband Westfalen-Lippe"
    for category, title in TITLES.items():
        b.page([title, "", "Einleitung in das Handlungsfeld für alle Leser.", ""])
        owner = (parent, category)
        b.page([*report(parent, 1), "", "LWL-Klinikverbund", "", *report(parent, 2)], owner)
        b.page([*report(parent, 3), "", parent], owner)
        b.page(
            [*report("Stadt Musterhausen", 4), "", "Stadt Musterhausen"],
            ("Stadt Musterhausen", category),
        )
    blocks = split_sections(b.text())
    assert {blk.partner for blk in blocks} == {parent, "Stadt Musterhausen"}
    assert as_set(blocks) == b.expected()


def test_table_of_contents_and_sub_headings_open_no_chapter() -> None:
    b = trailing_brochure()
    lines = list(b.text().source.lines)
    first_body = lines.index("Kreis Beispielland")
    lines[first_body - 2] = "Weitere Maßnahmen"  # a sub-heading inside chapter 1
    text = clean(SourceText("b.txt", "b.txt", tuple(lines), b.text().source.pages, "0"))
    chapters = find_chapters(text)
    assert [c.category for c in chapters] == [1, 2, 3]
    assert all(text.lines[c.title] for c in chapters)
    assert chapters[0].title > lines.index("Inhalt")


def test_a_contents_line_after_a_front_matter_title_opens_no_chapter() -> None:
    """ "Grußwort 2" in the contents reads like a chapter's label ("Handlungsfeld 2") over
    "Das Partnernetzwerk 3", whose words name the field of networks; and "V. anbieten." is
    the end of an "e. V." broken over a line, no Roman numeral. Chapter 5 opens at its own
    label further down."""
    body = [
        *report("Stadt Musterstadt", 0),
        "Die Stadt Musterstadt hat im Berichtsjahr neue Wege in der Ausbildung erprobt und",
        "will mit dem Verein für Vielfalt in Musterstadt e.",
        "V. anbieten. Sie will das Angebot im nächsten Jahr ausbauen.",
        "",
    ]
    lines = [
        "Inhalt",
        "",
        "Grußwort 2",
        "Das Partnernetzwerk 3",
        "1 Mehr Vielfalt in den Teams 4",
        "2 Interkulturelle Kompetenz 6",
        "5 Gemeinsam stärker: Vernetzung 8",
        "",
        "HANDLUNGSFELD 1",
        "Mehr Vielfalt in den Teams",
        "",
        *body,
        "HANDLUNGSFELD 2",
        "Interkulturelle Kompetenz in Aus- und Fortbildung",
        "",
        *body,
        "HANDLUNGSFELD 5",
        "Gemeinsam stärker: Vernetzung",
        "",
        *body,
    ]
    text = clean(SourceText("b.txt", "b.txt", tuple(lines), (None,) * len(lines), "0"))
    chapters = find_chapters(text)
    assert [(c.category, text.lines[c.title]) for c in chapters] == [
        (1, "HANDLUNGSFELD 1"),
        (2, "HANDLUNGSFELD 2"),
        (5, "HANDLUNGSFELD 5"),
    ]


def test_documents_without_chapters_have_no_blocks() -> None:
    flyer = [
        "Vielfalt in der Verwaltung",
        "",
        "Stadt Musterhausen",
        "",
        "Einladung zur Fortbildung über interkulturelle Kompetenz am 3. Mai.",
        "Weitere Maßnahmen",
        "Anmeldung bei der Stadt Musterhausen.",
    ]
    text = clean(SourceText("f.txt", "f.txt", tuple(flyer), (None,) * len(flyer), "0"))
    assert split_sections(text) == ()


def test_categories_reference_is_complete() -> None:
    categories = load_categories()
    assert [c.id for c in categories] == [1, 2, 3, 4, 5, 6]
    assert all(c.headings and c.name and c.short for c in categories)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_brochure_is_split_and_other_documents_are_not() -> None:
    for path in iter_source_files([CORPUS]):
        text = clean(read_source(path))
        blocks = split_sections(text)
        if path.name != BROCHURE:
            assert blocks == ()
            continue
        assert [c.category for c in find_chapters(text)] == [1, 2, 3, 4, 5, 6]
        partners = {b.partner for b in blocks}
        assert 25 <= len(partners) <= 40
        first_field = {b.partner for b in blocks if b.category == 1}
        assert len(first_field) >= 25
        spans = sorted((b.start, b.end) for b in blocks)
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))
        headings = dict(find_partner_headings(text))
        assert set(headings.values()) >= partners
        for line, name in headings.items():
            assert name in " ".join(text.lines[line - 2 : line])


def test_organisation_words_file_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "words.yaml"
    bad.write_text("endings: [Stadt, '']\n", encoding="utf-8")
    with pytest.raises(InputError, match="words.yaml"):
        load_organisation_words(bad)
    assert "verband" in load_organisation_words()


def test_a_label_the_form_prints_around_every_name_is_not_part_of_it() -> None:
    """A reader that took the whole line ("Gate 01 ✈ Region Hannover") gives the names the
    recurring form has, without the label; words around that differ from line to line
    ("Jobcenter – Landkreis Göttingen", "Caritasverband – Südniedersachsen e. V.") are
    the names' own."""
    labelled = [Heading(3, 3, "Gate 01 ✈ Region Hannover"), Heading(9, 9, "Gate 02 ✈ Stadt Celle")]
    in_form = [Heading(3, 3, "Region Hannover"), Heading(9, 9, "Stadt Celle")]
    assert [h.name for h in without_label(labelled, in_form)] == ["Region Hannover", "Stadt Celle"]
    own = [Heading(3, 3, "Jobcenter – Landkreis Göttingen"), Heading(9, 9, "Caritas – Süd e. V.")]
    cut = [Heading(3, 3, "Jobcenter"), Heading(9, 9, "Caritas")]
    assert without_label(own, cut) == own


def test_a_page_opens_after_its_footer_where_a_word_broken_over_it_is_joined() -> None:
    """ "… in der Kundenbera-" / footer / "tung." : cleaning joins the word's end onto the
    line above and empties the page's first line; the page opens with the line after it."""
    from loaders.sections.chapters import page_starts

    lines: list[str] = []
    words = (
        ("Kundenbera", "tung"),
        ("Fortbil", "dung"),
        ("Sprachmitt", "lung"),
        ("Einstel", "lung"),
    )
    for page, (left, right) in enumerate(words, start=2):
        lines += [f"Im Jahr {page} arbeiten wir weiter an der {left}-"]
        lines += [f"{page}          Partnerberichte 2025 | Netzwerk Beispiel"]
        lines += [f"{right}.", f"Die {left}{right} ist uns wichtig, wir freuen uns darauf."]
    text = clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))
    assert text.lines[2] == ""  # the broken word's end went up to the line above
    assert [i for i, start in enumerate(page_starts(text)) if start] == [3, 7, 11, 15]


def _caps_brochure() -> list[str]:
    """A brochure whose contents list its partners with page numbers but no leader dots,
    two partners reporting in two fields under a name in capitals over a line of facts,
    each field's title opening a page with a short introduction above the first report."""
    partners = {
        1: (("WEBER LOGISTIK GMBH", "Weber Logistik GmbH", "Dortmund"),
            ("SONNENHOF PFLEGE GGMBH", "Sonnenhof Pflege gGmbH", "Münster")),
        2: (("WEBER LOGISTIK GMBH", "Weber Logistik GmbH", "Dortmund"),
            ("KANZLEI ARSLAN UND PARTNER GMBH", "Kanzlei Arslan und Partner GmbH", "Bielefeld")),
        3: (("SONNENHOF PFLEGE GGMBH", "Sonnenhof Pflege gGmbH", "Münster"),
            ("KANZLEI ARSLAN UND PARTNER GMBH", "Kanzlei Arslan und Partner GmbH", "Bielefeld")),
    }  # fmt: skip
    titles = {1: "Mehr Vielfalt im Team", 2: "Kompetent im Alltag", 3: "Faire Chancen für alle"}
    lines = ["VIELFALT IM BETRIEB", "Partnerberichte 2024", "", "Inhalt", "Grußwort 2"]
    for field, names in partners.items():
        lines.append(f"Handlungsfeld {field}: {titles[field]} {field + 2}")
        lines += [f"{name} {field + 2}" for _, name, _ in names]
    lines += ["Impressum 6", "", "Grußwort", "Liebe Leserinnen und Leser,"]
    lines += ["die Berichte zeigen, was unsere Partner im Jahr bewegt haben."] * 12 + [""]
    for field, names in partners.items():
        lines += [str(field + 1), "VIELFALT IM BETRIEB | Partnerberichte 2024"]
        lines += [f"HANDLUNGSFELD {field}", titles[field]]
        lines += ["Wie die Partner dabei vorgehen, zeigen die", "folgenden Berichte.", ""]
        for caps, name, town in names:
            lines += [caps, f"{town} | Dienstleistung | 120 Beschäftigte"]
            lines += [f"Die {name} hat im Berichtsjahr {field + 10} Stellen besetzt."]
            lines += ["Die Ausschreibungen sprechen Menschen mit Einwanderungs-"]
            lines += ["geschichte ausdrücklich an.", ""]
    lines += ["6", "VIELFALT IM BETRIEB | Partnerberichte 2024", "Impressum"]
    lines += ["Herausgeber: Netzwerk Vielfalt im Betrieb e. V.", "Gestaltung: Beispiel GmbH"]
    return lines


def test_contents_without_leader_dots_and_pages_opened_by_their_introduction() -> None:
    """The contents list a partner reporting twice twice, with page numbers and no
    leader dots: with its two headings that is no running header. A field's title opens a
    page, and the first report follows its introduction on that page. "Impressum" ends
    the last report."""
    lines = _caps_brochure()
    text = clean(SourceText("b.txt", "b.txt", tuple(lines), (None,) * len(lines), "0"))
    weber = [i for i, line in enumerate(lines) if line == "WEBER LOGISTIK GMBH"]
    assert not any(text.noise[i] for i in weber)
    blocks = split_sections(text)
    assert [(b.partner, b.category) for b in blocks] == [
        ("Weber Logistik GmbH", 1),
        ("Sonnenhof Pflege gGmbH", 1),
        ("Weber Logistik GmbH", 2),
        ("Kanzlei Arslan und Partner GmbH", 2),
        ("Sonnenhof Pflege gGmbH", 3),
        ("Kanzlei Arslan und Partner GmbH", 3),
    ]
    assert blocks[0].start == weber[0] + 2  # the 1-based line after the name
    assert blocks[-1].end < lines.index("Impressum", 20) + 1


def test_a_line_opened_by_a_broken_words_end_opens_no_report() -> None:
    """ "… vom Kom-" | "munalen Integrationszentrum Kreis Steinfurt" at a page's end: the
    name the cleaned line starts with is the sentence's, not a heading."""
    from loaders.sections.chapters import page_starts
    from loaders.sections.headings import heading_candidates

    lines = [
        "Unterstützt wurden wir dabei vom Kom-",
        "munalen Integrationszentrum Kreis Steinfurt",
        "11",
        "Partnerberichte 2023 | Netzwerk Beispiel",
        "Dolmetschende kamen zu jedem Termin.",
    ]
    text = clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))
    assert text.lines[1] == "Integrationszentrum Kreis Steinfurt"
    names = [h.name for h in heading_candidates(text, page_starts(text))]
    assert not any("Integrationszentrum" in name for name in names)
