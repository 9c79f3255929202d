"""Partner names read by the form a brochure repeats around them, a layout no rule knows."""

from __future__ import annotations

from collections.abc import Callable

from loaders.clean.repair import clean
from loaders.models import CleanText, SourceText
from loaders.sections.blocks import split_sections
from loaders.sections.forms import recurring_form_headings

PARTNERS = (
    "Stadtwerke Musterstadt GmbH",
    "Kreis Beispielland",
    "Verein für Vielfalt e. V.",
    "Handwerkskammer Musterstadt",
)


def _report(partner: str, n: int) -> list[str]:
    """A report in the partner's voice that names the partner, as reports do."""
    return [
        f"Für {partner} war 2025 ein Jahr des Aufbruchs: {n + 2} neue Stellen",
        "wurden ausgeschrieben, die Ausschreibungen sprechen Menschen mit",
        "Einwanderungsgeschichte ausdrücklich an, und unsere Verfahren sind",
        "kultursensibel. Wir beteiligen uns an Messen und Aktionstagen.",
        "",
        "Im Herbst haben wir eine Fortbildungsreihe begonnen.",
    ]


def _text(lines: list[str]) -> CleanText:
    return clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))


def _brochure(heading: Callable[[int, str], str]) -> list[str]:
    """A foreword, then each partner's report under its name as ``heading`` sets it."""
    lines = [
        "Vielfalt im Betrieb – Jahresheft 2025",
        "",
        "Liebe Leserinnen und Leser, unsere Partner berichten hier über ihr Jahr.",
        "",
    ]
    for n, partner in enumerate(PARTNERS, start=1):
        lines += [heading(n, partner), *_report(partner, n), ""]
    return lines


def _names(lines: list[str]) -> list[tuple[int, str]]:
    return [(h.first + 1, h.name) for h in recurring_form_headings(_text(lines))]


def test_a_label_and_a_mark_repeated_around_each_name_open_its_report() -> None:
    """ "Steckbrief 3 ◇ Verein für Vielfalt e. V. ◇ Bildung": the label, its number, the
    marks and the sector change nothing but the name, so the name opens a report."""
    lines = _brochure(lambda n, name: f"Steckbrief {n} ◇ {name} ◇ Bildung")
    at = {line: n for n, line in enumerate(lines, start=1)}
    blocks = {(b.partner, b.category): b.start for b in split_sections(_text(lines))}
    assert blocks == {
        (partner, None): at[f"Steckbrief {n} ◇ {partner} ◇ Bildung"] + 1
        for n, partner in enumerate(PARTNERS, start=1)
    }


def test_words_repeated_around_each_name_open_its_report() -> None:
    """ "Was die Kreis Beispielland 2025 erreicht hat": words, not marks, frame the names;
    the year's digits and the article may change."""
    lines = _brochure(lambda n, name: f"Was {'die' if n % 2 else 'der'} {name} 2025 erreicht hat")
    assert [b.partner for b in split_sections(_text(lines))] == list(PARTNERS)


def test_a_closing_line_naming_the_partner_opens_no_report() -> None:
    """ "Kontakt: Kreis Beispielland, Musterweg 1" ends the report that named the partner
    above it: a closing line, no opening."""
    lines = ["Unsere Partner berichten", ""]
    for n, partner in enumerate(PARTNERS, start=1):
        lines += [partner, "", *_report(partner, n), f"Kontakt: {partner}, Musterweg {n}", ""]
    # the names set apart by empty lines open the reports, not the closing lines
    assert _names(lines) == [(lines.index(partner) + 1, partner) for partner in PARTNERS]


def test_a_list_of_names_in_one_form_opens_no_reports() -> None:
    """A list of the partners with their towns, one under the other, has no reports
    between its names."""
    lines = [
        "Unsere Partner",
        "",
        *(f"▸ {partner} | Musterstadt" for partner in PARTNERS),
        "",
        *_report("Netzwerk Vielfalt", 1),
    ]
    assert _names(lines) == []


def test_a_symbol_no_list_knows_separates_the_label_from_the_name() -> None:
    """ "Gate 1 ✈ Stadtwerke Musterstadt GmbH": any symbol a layout prints is a mark, so
    the label before it is the form's, and the partner is the name alone."""
    lines = _brochure(lambda n, name: f"Gate 0{n} ✈ {name}")
    assert [b.partner for b in split_sections(_text(lines))] == list(PARTNERS)
    # and so is an angle bracket ("BERICHT 01 ⟩ …")
    lines = _brochure(lambda n, name: f"BERICHT 0{n} ⟩ {name}")
    assert [b.partner for b in split_sections(_text(lines))] == list(PARTNERS)


def test_a_title_after_the_name_may_have_commas_of_its_own() -> None:
    """ "Kreis Beispielland: Lernen, Arbeiten und Wohnen": each report's title differs,
    in its commas too; the form is the name, the colon and a title."""
    titles = ("Ein Jahr", "Lernen, Arbeiten und Wohnen", "Helfen, wo es nötig ist", "Neu")
    lines = _brochure(lambda n, name: f"{name}: {titles[n - 1]}")
    assert [name for _, name in _names(lines)] == list(PARTNERS)


def test_a_label_line_above_each_name_opens_its_report() -> None:
    """ "Verbandsporträt" on the line above every name is the brochure's form, even for
    names without an organisation's word ("Alevitische Jugend Hamburg")."""
    partners = ("Alevitische Jugend Hamburg", *PARTNERS[1:])
    lines = ["Vielfalt im Verband", "", "Unsere Verbände berichten.", ""]
    for n, partner in enumerate(partners, start=1):
        lines += ["Verbandsporträt", partner, "", *_report(partner, n), ""]
    assert _names(lines) == [(lines.index(p) + 1, p) for p in partners]


def test_a_rule_above_section_titles_is_no_label() -> None:
    """A newsletter's rule above its section titles ("NEUE KOOPERATION") is no label:
    the titles open no partners' reports."""
    lines = ["Newsletter 3/2025", ""]
    for n, title in enumerate(("NEUE KOOPERATION", "FÖRDERUNG", "KAMPAGNE", "TERMINE")):
        lines += ["—" * 40, title, "", *_report(title.title(), n), ""]
    assert _names(lines) == []


def test_a_name_in_capitals_broken_over_two_lines_is_one_name() -> None:
    """ "P02 · KREIS BEISPIELLAND" over "UND STADT MUSTERSTADT": no name opens with "und",
    so the line below completes the name, and the report starts after it."""
    lines = ["Vielfalt im Betrieb – Jahresheft 2025", "", "Unsere Partner berichten.", ""]
    for n, partner in enumerate(PARTNERS, start=1):
        lines.append(f"P0{n} · {partner.upper()}")
        if n == 2:
            lines.append("UND STADT MUSTERSTADT")
        lines += [*_report(partner, n), ""]
    blocks = split_sections(_text(lines))
    assert blocks[1].partner == "Kreis Beispielland und Stadt Musterstadt"
    assert blocks[1].start == lines.index("UND STADT MUSTERSTADT") + 2
    assert [b.partner for b in blocks[2:]] == [
        "Verein für Vielfalt e. V.",
        "Handwerkskammer Musterstadt",
    ]


def test_a_phrase_before_each_name_is_a_form_whatever_the_names() -> None:
    """ "So engagiert sich die IG BCE", "So engagiert sich MigrAr": a phrase the layout
    prints before every partner's name marks the reports, with or without an article and
    for names no organisation's word gives away."""
    partners = ("MigrAr", "Arbeit und Leben Musterstadt", "Kulturbrücke Beispielland")
    articles = ("", "", "die ")
    lines = ["Praxisbeispiele 2025", "", "Unsere Mitglieder berichten.", ""]
    for n, (partner, article) in enumerate(zip(partners, articles, strict=True), start=1):
        lines += [f"So engagiert sich {article}{partner}", *_report(partner, n), ""]
    assert [name for _, name in _names(lines)] == list(partners)


def test_a_name_set_over_two_lines_is_one_name_of_the_form() -> None:
    """ "LVR-Klinik" over "Langenfeld": a line above shaped like an organisation's name is
    the name's first line, not a label, and the heading starts there."""
    towns = ("Langenfeld", "Düren", "Bonn", "Essen")
    lines = ["Klinikverbund – Jahresheft 2025", "", "Unsere Kliniken berichten.", ""]
    for n, town in enumerate(towns, start=1):
        lines += ["LVR-Klinik", town, *_report(f"LVR-Klinik {town}", n), ""]
    headings = recurring_form_headings(_text(lines))
    assert [h.name for h in headings] == [f"LVR-Klinik {town}" for town in towns]
    assert [h.first for h in headings] == [lines.index(town) - 1 for town in towns]


def test_a_code_letter_of_the_partners_kind_before_each_name_is_one_form() -> None:
    """ "[W] Stadtwerke …", "[K] Kreis …": the letter says what kind of partner it is, and
    the form is the same around every name. A partner that reports in two chapters has its
    line twice, and twice in the contents with a page number: no running header."""
    codes = ("W", "K", "V", "W", "W")
    partners = (*PARTNERS, PARTNERS[0])
    lines = ["Vielfalt im Betrieb – Jahresheft 2025", "", "Inhalt", ""]
    for n, (code, partner) in enumerate(zip(codes, partners, strict=True), start=2):
        lines.append(f"[{code}] {partner} ........................ {n}")
    lines += ["", "Unsere Partner berichten hier über ihr Jahr.", ""]
    for n, (code, partner) in enumerate(zip(codes, partners, strict=True), start=1):
        lines += [f"[{code}] {partner}", *_report(partner, n), ""]
    assert [name for _, name in _names(lines)] == list(partners)


def test_a_town_set_apart_by_a_wide_gap_is_no_part_of_the_name() -> None:
    """ "1.1 | Kreis Beispielland          Beispielstadt": the gap the line was printed
    with sets the town apart from the name, though cleaning closes it."""
    lines = _brochure(lambda n, name: f"1.{n} | {name}{' ' * (60 - len(name))}Beispielstadt")
    assert [name for _, name in _names(lines)] == list(PARTNERS)


def test_a_chapter_label_over_each_fields_title_opens_no_report() -> None:
    """ "Handlungsfeld B" over "Qualifizierung der Beschäftigten": chapters, whatever
    letter or number counts them, not a partner's report under a label."""
    titles = (
        "Personalgewinnung und Ausbildung",
        "Qualifizierung der Beschäftigten",
        "Zugang zu Angeboten",
        "Netzwerkarbeit und Kooperation",
    )
    lines = ["Vielfalt im Betrieb – Jahresheft 2025", ""]
    for letter, title, partner in zip("ABCD", titles, PARTNERS, strict=True):
        lines += [f"Handlungsfeld {letter}", title, f"{title} ist unser Thema.", ""]
        lines += [partner, *_report(partner, 1), ""]
    assert not any(name in titles for _, name in _names(lines))


def test_a_branch_or_town_after_the_legal_form_is_part_of_the_name() -> None:
    """ "// Malteser Hilfsdienst gGmbH Braunschweig", "// Johanniter-Unfall-Hilfe e. V.
    Regionalverband Süd": capitalised words after the legal form name the branch; a
    sentence after it ("… e. V. Wir beraten") would not."""
    partners = (
        "Stadtwerke Musterstadt GmbH Nord",
        "Kreis Beispielland",
        "Verein für Vielfalt e. V. Regionalverband Süd",
        "Handwerkskammer Musterstadt",
    )
    lines = ["Vielfalt im Betrieb – Jahresheft 2025", "", "Unsere Partner berichten.", ""]
    for n, partner in enumerate(partners, start=1):
        lines += [f"// {partner}", "", *_report(partner, n), ""]
    assert [name for _, name in _names(lines)] == list(partners)


def test_a_label_line_under_each_name_opens_its_report() -> None:
    """ "proWerk – Werkstätten Beispielstadt" over "Angebote in: Deutsch · Türkisch": the
    label under each name marks the reports, whatever case the name's words have; a
    list of projects each over "Laufzeit: …" is no brochure of partners."""
    partners = ("proWerk – Werkstätten der Stiftung Beispielstadt", *PARTNERS[1:])
    lines = ["Vielfalt im Betrieb – Jahresheft 2025", "", "Unsere Partner berichten.", ""]
    for n, partner in enumerate(partners, start=1):
        lines += [partner, "Angebote in: Deutsch · Türkisch · Leichte Sprache", "- - - -"]
        lines += [*_report(partner, n), ""]
    assert [name for _, name in _names(lines)] == list(partners)
    projects = ("Sprachbrücken bauen", "Vom Nebeneinander zum Miteinander", "Start Deutsch")
    lines = ["Projektarchiv 2016 bis 2020", ""]
    for n, project in enumerate(projects, start=1):
        lines += [project, f"Laufzeit: 201{n} bis 201{n + 2}", *_report(project, n), ""]
    assert _names(lines) == []


def test_a_line_of_tags_under_each_name_opens_its_report() -> None:
    """ "MARCHIVUM" over "#Migrationsgeschichte #Zeitzeugen": the tags under each name
    mark the reports, names no organisation's word gives away among them."""
    partners = ("MARCHIVUM", "KULTURAMT MUSTERSTADT", "STADTBIBLIOTHEK MUSTERSTADT", "TECHNOSEUM")
    lines = ["Kultur für alle – Jahresheft 2025", "", "Unsere Häuser berichten.", ""]
    tags = ("#Sammeln #Zeitzeugen", "#Förderung", "#Lesen #Sprachen", "#Arbeit #Migration")
    for n, (partner, tag) in enumerate(zip(partners, tags, strict=True), start=1):
        lines += [partner, tag, ""]
        lines += [*_report(partner.title(), n), ""]
    assert [name for _, name in _names(lines)] == list(partners)


def test_a_short_form_on_its_own_line_between_name_and_label_is_the_names() -> None:
    """ "Verband der Digitalwirtschaft e. V." over "(DigiVerband)" over "Sitz: …": the short
    form in brackets closes the name above it, the label below marks the report."""
    partners = (*PARTNERS[:2], "Verband der Digitalwirtschaft Musterland e. V.", PARTNERS[3])
    lines = ["Vielfalt im Betrieb – Jahresheft 2025", "", "Unsere Partner berichten.", ""]
    for n, partner in enumerate(partners, start=1):
        lines += [partner, *(["(DigiVerband)"] if n == 3 else [])]
        lines += ["Sitz: Musterstadt | Dienstleistung | 120 Beschäftigte"]
        lines += [*_report(partner, n), ""]
    assert [name for _, name in _names(lines)] == list(partners)
