"""split_sections on pages whose text is not in reading order: continuations, stacks, columns."""

from __future__ import annotations

from brochure_text import TITLES, as_set, report, two_partner_chapters

from loaders.clean.repair import clean
from loaders.models import CleanText, SourceText
from loaders.sections.blocks import find_partner_headings, split_sections
from loaders.sections.chapters import find_chapters, page_starts
from loaders.sections.columns import in_partner_order, partner_order
from loaders.sections.headings import Heading, _unit_of, heading_candidates, repeated_lead_ins


def test_page_that_opens_mid_sentence_continues_the_previous_partner() -> None:
    a, k = "Stadt Musterhausen", "Kreis Beispielland"
    first = [*report(a, 1), "", "Die Stadt Musterhausen bietet Kurse für alle", "", a]
    second = [
        "Beschäftigten an, auch in der Stadt Musterhausen selbst.",
        "",
        "Neue Angebote",
        "",
        "Der Kreis Beispielland bildet Lotsinnen und Lotsen aus.",
        "",
        k,
    ]
    b = two_partner_chapters([first, second], [[a] * len(first), [a, a, k, k, k, k, k]])
    assert as_set(split_sections(b.text())) == b.expected()


def test_headings_stacked_at_a_page_top_share_the_text_by_name() -> None:
    a, k, v = "Stadt Musterhausen", "Kreis Beispielland", "Verein für Vielfalt e. V."
    first = [*report(a, 1), "", a]
    second = [
        k,
        "",
        v,
        "",
        "Der Kreis Beispielland wirbt um Auszubildende.",
        "",
        "Im Verein für Vielfalt treffen sich Menschen aus vielen Ländern.",
    ]
    b = two_partner_chapters([first, second], [[a] * len(first), [k, k, k, k, k, k, v]])
    blocks = as_set(split_sections(b.text()))
    assert {p for p, c, _, _ in blocks if c == 1} == {a, k, v}
    texts = {p: (s, e) for p, c, s, e in blocks if c == 1}
    lines = b.text().lines

    def last_text(partner: str) -> str:
        start, end = texts[partner]
        return next(lines[i - 1] for i in range(end, start - 1, -1) if lines[i - 1])

    assert "Vielfalt" in last_text(v) and "Beispielland" in last_text(k)


def test_heading_cut_into_a_hyphenated_word_is_still_a_heading() -> None:
    a, k = "Stadt Musterhausen", "Kreis Beispielland"
    first = [*report(k, 1), "", "Ein Fachbereich plante einen Workshop zu diversitätssensi-", "", k]
    second = ["ble Sprache und führte ihn durch.", "", *report(a, 2), "", a]
    b = two_partner_chapters(
        [first, second], [[k] * len(first), [k, None] + [a] * (len(second) - 2)]
    )
    headings = {name for _, name in find_partner_headings(b.text())}
    assert k in headings
    assert as_set(split_sections(b.text())) == b.expected()


def test_sentence_end_printed_below_another_report_returns_to_its_partner() -> None:
    a, k = "Stadt Musterhausen", "Kreis Beispielland"
    first = [*report(a, 1), "", "Die Stadt Musterhausen bietet Kurse für alle", "", a]
    second = [k, "", "Der Kreis Beispielland bildet Lotsen aus.", "", "interessierten Leute an."]
    b = two_partner_chapters([first, second], [[a] * len(first), [k, k, k, k, a]])
    assert as_set(split_sections(b.text())) == b.expected()


def test_headings_below_a_mid_page_footer_open_a_column() -> None:
    a, k = "Stadt Musterhausen", "Kreis Beispielland"
    page = [*report(a, 1), "", a, "", "17", "", k, "", "Der Kreis Beispielland wirbt.", "", "Gut."]
    owners = [a] * 9 + [None, None, None, k, k, k, k, k]
    b = two_partner_chapters([[*report(a, 2), "", a], page], [[a] * 9, owners])
    assert as_set(split_sections(b.text())) == b.expected()


def test_top_heading_and_page_end_heading_split_the_page() -> None:
    a, k, v = "Stadt Musterhausen", "Kreis Beispielland", "Verein für Vielfalt e. V."
    page = [k, "", "Der Kreis Beispielland wirbt um Auszubildende.", "", "Neue Angebote", ""]
    page += ["Ein Sommerfest fand im Juli statt.", "", v]
    owners = [k, k, k, k, v, v, v, v, v]
    b = two_partner_chapters([[*report(a, 1), "", a], page], [[a] * 9, owners])
    assert as_set(split_sections(b.text())) == b.expected()


def test_text_before_the_first_named_partner_goes_to_the_unnamed_one_stacked_above() -> None:
    a, k, v = "Stadt Musterhausen", "Kreis Beispielland", "Verein für Vielfalt e. V."
    second = [
        v,
        "",
        k,
        "",
        "Ein Sommerfest fand im Juli statt.",
        "",
        "Der Kreis Beispielland wirbt.",
    ]
    b = two_partner_chapters([[*report(a, 1), "", a], second], [[a] * 9, [v, v, v, v, v, v, k]])
    assert as_set(split_sections(b.text())) == b.expected()


def test_rotated_stack_is_read_in_the_brochures_partner_order() -> None:
    def h(name: str, line: int) -> Heading:
        return Heading(line, line, name)

    chapters = [
        [h("A", 1), h("B", 2), h("C", 3)],
        [h("A", 9), h("B", 10)],
        [h("A", 20), h("B", 21)],
    ]
    order = partner_order(chapters)
    assert order["A", "B"] == 3 and ("B", "A") not in order
    assert [x.name for x in in_partner_order([h("B", 5), h("A", 6)], order)] == ["A", "B"]
    assert [x.name for x in in_partner_order([h("A", 5), h("B", 6)], order)] == ["A", "B"]
    weak = partner_order([[h("A", 1), h("B", 2)], [h("B", 5), h("A", 6)]])
    assert [x.name for x in in_partner_order([h("B", 5), h("A", 6)], weak)] == ["B", "A"]


def test_stack_at_a_page_top_gives_the_lead_text_to_the_partner_the_brochure_lists_first() -> None:
    # a row of column headings printed in the wrong order: the unnamed partner that the
    # other chapters list first (Musterhausen before Beispielland) owns the text up to the
    # first paragraph naming the other one, which then runs on to the page end
    a, k, v = "Stadt Musterhausen", "Kreis Beispielland", "Verein für Vielfalt e. V."
    stack = [
        k,
        "",
        a,
        "",
        "Die Verwaltung schult ihre Beschäftigten in Fragen der Vielfalt.",
        "",
        "Der Kreis Beispielland wirbt um Auszubildende.",
        "",
        "Dazu gehören Messen, Aktionstage und Praktika.",
    ]
    owners = [a, a, a, a, a, a, k, k, k]
    b = two_partner_chapters([[*report(v, 1), "", v], stack], [[v] * 9, owners])
    assert as_set(split_sections(b.text())) == b.expected()


def test_list_whose_item_names_the_next_stacked_partner_opens_its_report() -> None:
    a, k, v = "Stadt Musterhausen", "Kreis Beispielland", "Verein für Vielfalt e. V."
    stack = [
        a,
        "",
        k,
        "",
        "Die Stadt Musterhausen bietet Sprachkurse für alle an.",
        "",
        "• Ein Leitfaden für Stellenausschreibungen liegt vor.",
        "",
        "• Der Kreis Beispielland übersetzt seine Formulare.",
    ]
    owners = [a, a, a, a, a, a, k, k, k]
    b = two_partner_chapters([stack, [*report(v, 1), "", v]], [owners, [v] * 9])
    assert as_set(split_sections(b.text())) == b.expected()


def test_page_end_naming_the_partner_heading_the_next_page_is_that_partners() -> None:
    a, k, v = "Stadt Musterhausen", "Kreis Beispielland", "Verein für Vielfalt e. V."
    stack = [
        a,
        "",
        k,
        "",
        "Die Stadt Musterhausen bietet Sprachkurse für alle an.",
        "",
        "Der Kreis Beispielland wirbt um Auszubildende.",
        "",
        "Auch im Verein für Vielfalt treffen sich Menschen aus vielen Ländern.",
        "",
        "Sie kochen und feiern zusammen.",
    ]
    nxt = [v, "", "Das Sommerfest fand im Juli statt.", "", "Es kamen viele Gäste."]
    owners = [a, a, a, a, a, a, k, k, v, v, v]
    b = two_partner_chapters([stack, nxt], [owners, [v] * 5])
    assert as_set(split_sections(b.text())) == b.expected()


def _compilation() -> list[str]:
    """Partner reports gathered under two fields of action, a name line before each report,
    the second field's title in the middle of a page."""
    return [
        "Vielfalt vor Ort – Berichte der Partner",
        "",
        "5 Synergieeffekte durch Vernetzung",
        "",
        "Stadt Musterhausen",
        "Die Stadt Musterhausen lädt jedes Jahr zur Integrationskonferenz ein und",
        "organisiert die Netzwerke, die ihr folgen.",
        "",
        "Kreis Beispielland",
        "Der Kreis Beispielland hat 2013 ein Integrationszentrum eingerichtet, das",
        "die Arbeit der Städte und Gemeinden unterstützt.",
        "Beteiligt sind Migrantenvereine und die Integrationsräte des Kreises.",
        "",
        "6 Weitere Maßnahmen",
        "",
        "Verein für Vielfalt e. V.",
        "Der Verein für Vielfalt bietet Sprachkurse und Beratung für Neuzugewanderte an.",
    ]


def test_reports_under_two_fields_of_action_each_open_at_their_name_line() -> None:
    lines = _compilation()
    pages = tuple([1] * 10 + [2] * (len(lines) - 10))  # a page break inside a report
    text = clean(SourceText("c.txt", "c.txt", tuple(lines), pages, "0"))
    blocks = {(b.partner, b.category): (b.start, b.end) for b in split_sections(text)}
    assert set(blocks) == {
        ("Stadt Musterhausen", 5),
        ("Kreis Beispielland", 5),
        ("Verein für Vielfalt e. V.", 6),
    }
    # the report of the Kreis runs on over the page break up to the next field's title
    # (1-based lines: its last is the empty line above the title)
    assert blocks[("Kreis Beispielland", 5)][1] == lines.index("6 Weitere Maßnahmen")
    # (its first is the line below the name line: a sentence never runs from the name on)
    assert blocks[("Stadt Musterhausen", 5)][0] == lines.index("Stadt Musterhausen") + 2


def test_a_name_line_in_running_text_without_fields_of_action_opens_no_block() -> None:
    lines = [line for line in _compilation() if not line.startswith(("5 ", "6 "))]
    text = clean(SourceText("c.txt", "c.txt", tuple(lines), (None,) * len(lines), "0"))
    assert split_sections(text) == ()


def _labelled_compilation() -> list[str]:
    """Chapters numbered "Kapitel N |", several on one page; one report's name line was
    extracted after its text (it stood in the page header), and one name holds adjectives."""
    return [
        "Kapitel 1 | Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte",
        "",
        "Stadt Musterhausen",
        *report("Stadt Musterhausen", 1),
        "",
        "Kapitel 3 | Chancengerechtigkeit und Teilhabe",
        "",
        "Fortbildungszentrum für den öffentlichen Dienst",
        *report("Fortbildungszentrum für den öffentlichen Dienst", 2),
        "Seite 2",
        *report("Kreis Beispielland", 3),
        "Kreis Beispielland",
        "",
        "Kapitel 5 | Synergieeffekte durch Vernetzung",
        "",
        "Verein für Vielfalt e. V.",
        *report("Verein für Vielfalt e. V.", 4),
    ]


def _split(
    lines: list[str],
) -> tuple[dict[tuple[str, int | None], tuple[int, int]], dict[str, int]]:
    """The blocks of a text without page marks by (partner, field), and each line's number."""
    text = clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))
    blocks = {(b.partner, b.category): (b.start, b.end) for b in split_sections(text)}
    return blocks, {line: n for n, line in enumerate(lines, start=1)}


def test_numbered_chapters_sharing_a_page_each_start_at_their_title() -> None:
    lines = _labelled_compilation()
    blocks, at = _split(lines)
    assert blocks == {
        # a report runs on to the next chapter's title over the empty line before it
        ("Stadt Musterhausen", 1): (at["Stadt Musterhausen"] + 1, at["Stadt Musterhausen"] + 8),
        ("Fortbildungszentrum für den öffentlichen Dienst", 3): (
            at["Fortbildungszentrum für den öffentlichen Dienst"] + 1,
            at["Seite 2"],
        ),
        # the name line below its report owns the report from the page's start
        ("Kreis Beispielland", 3): (at["Seite 2"] + 1, at["Kreis Beispielland"] + 1),
        ("Verein für Vielfalt e. V.", 5): (at["Verein für Vielfalt e. V."] + 1, len(lines)),
    }


def _roman_compilation() -> list[str]:
    """Chapters numbered with Roman numerals in capitals; each partner's name printed after
    a label ("Partner: …") below a logo's placeholder, its report right below."""
    return [
        "JAHRESBERICHT DER PARTNER",
        "",
        "I. EINLEITUNG",
        "Die Partner berichten über ihre Arbeit im vergangenen Jahr.",
        "",
        "II. FORTBILDUNG UND INTERKULTURELLE KOMPETENZ",
        "",
        "[Logo]",
        "Partner: Landkreis Musterhausen",
        *report("Landkreis Musterhausen", 1),
        "",
        "III. CHANCENGERECHTIGKEIT UND TEILHABE",
        "",
        "[Logo]",
        "Partner: Verein für Vielfalt e. V.",
        *report("Verein für Vielfalt e. V.", 2),
        "",
        "[Logo]",
        "Partner: Kreis Beispielland",
        *report("Kreis Beispielland", 3),
    ]


def test_roman_numbered_chapters_and_labelled_partner_names_open_blocks() -> None:
    lines = _roman_compilation()
    blocks, at = _split(lines)
    assert set(blocks) == {
        ("Landkreis Musterhausen", 2),
        ("Verein für Vielfalt e. V.", 3),
        ("Kreis Beispielland", 3),
    }
    # each report is its partner's: from below its name line to the next logo or chapter
    assert blocks[("Landkreis Musterhausen", 2)] == (
        at["Partner: Landkreis Musterhausen"] + 1,
        at["III. CHANCENGERECHTIGKEIT UND TEILHABE"] - 1,
    )
    assert blocks[("Kreis Beispielland", 3)] == (at["Partner: Kreis Beispielland"] + 1, len(lines))


def test_numbered_chapter_titles_in_other_words_name_their_field() -> None:
    lines = [
        line.replace(
            "II. FORTBILDUNG UND INTERKULTURELLE KOMPETENZ", "II. Kompetenz durch Fortbildung"
        ).replace("III. CHANCENGERECHTIGKEIT UND TEILHABE", "III. Mehr Teilhabe für alle")
        for line in _roman_compilation()
    ]
    assert set(_split(lines)[0]) == {
        ("Landkreis Musterhausen", 2),
        ("Verein für Vielfalt e. V.", 3),
        ("Kreis Beispielland", 3),
    }


def test_a_partner_line_with_its_town_after_a_bar_opens_a_report() -> None:
    """ "Stadt Musterhausen | Musterhausen": a name with its town, no empty line around."""
    lines = [
        "Handlungsfeld 1: Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte",
        "Stadt Musterhausen | Musterhausen",
        "Im Berichtsjahr wurden zwölf neue Stellen ausgeschrieben und besetzt.",
        "Kreis Beispielland | Beispielstadt am Main",
        "Der Kreis Beispielland wirbt auf Messen um Auszubildende.",
        "Handlungsfeld 2: Fortbildung und interkulturelle Kompetenz",
        "Verein für Vielfalt e. V. | Beispielstadt",
        "Der Verein für Vielfalt e. V. schult seine Beschäftigten.",
    ]
    blocks, at = _split(lines)
    assert blocks == {
        ("Stadt Musterhausen", 1): (3, 3),
        ("Kreis Beispielland", 1): (5, 5),
        ("Verein für Vielfalt e. V.", 2): (8, 8),
    }


def test_a_logo_line_and_a_contact_address_are_no_partner_names() -> None:
    """A picture's placeholder above a partner's name is no text; a contact's address line
    at a report's end ("…, 38440 Musterhausen") names no partner."""
    lines = []
    for chapter, partner in (
        ("1 | Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte", "Stadt A-Dorf"),
        ("2 | Fortbildung und interkulturelle Kompetenz", "Landkreis Beispielland"),
    ):
        lines += [chapter, "", "[Logo]", partner, *report(partner, 1)]
        lines += [
            "Ansprechpartner:",
            "Max Muster, Fachbereich Ausländerwesen, Ring 1, 38440 Adorf",
            "",
        ]
    blocks, at = _split(lines)
    assert set(blocks) == {("Stadt A-Dorf", 1), ("Landkreis Beispielland", 2)}


def test_bare_numbered_chapters_and_numbered_partner_sections_open_blocks() -> None:
    """Chapter "3 Mehr Beschäftigte mit …" standing alone names field 1 by its words; the
    partners' sections are numbered under it ("3.2 Stadt Musterhausen")."""
    lines = [
        "3 Mehr Beschäftigte mit Einwanderungsgeschichte im öffentlichen Dienst",
        "",
        "3.1 Ausgangslage",
        "",
        "Das Land hat die Ausschreibungen überarbeitet.",
        "",
        "3.2 Stadt Musterhausen",
        "",
        *report("Stadt Musterhausen", 1),
        "",
        "4 Interkulturelle Kompetenz der Beschäftigten stärken",
        "",
        "4.1 Kreis Beispielland",
        "",
        *report("Kreis Beispielland", 2),
    ]
    blocks, at = _split(lines)
    assert set(blocks) == {("Stadt Musterhausen", 1), ("Kreis Beispielland", 2)}


def test_lettered_chapters_in_their_own_order_and_names_between_paragraphs_open_blocks() -> None:
    """ "Handlungsfeld B" above a title that words the field otherwise ("Qualifizierung der
    Beschäftigten"), chapters in the brochure's order rather than the fields', and partner
    names set between a finished sentence (or the chapter's title) and their text, without
    empty lines."""
    prose = [
        f"Im Jahr {2010 + n} haben wir {n + 3} Workshops angeboten und viele Menschen beraten."
        for n in range(10)
    ]
    lines = []
    intro = ["Die Partner berichten hier von ihrer Arbeit."]
    for letter, title, introduction, partner in (
        ("A", "Personalgewinnung und Ausbildung", intro, "Stadt Musterhausen – Personalamt"),
        ("B", "Netzwerkarbeit", [], "Kreis Beispielland"),
        ("C", "Qualifizierung der Beschäftigten", intro, "Verein für Vielfalt e. V."),
    ):
        lines += [f"Handlungsfeld {letter}", title, *introduction, partner, *prose]
        lines += ["Das Angebot wird im kommenden Jahr fortgesetzt."]
    blocks, _ = _split(lines)
    assert blocks == {
        ("Stadt Musterhausen – Personalamt", 1): (5, 15),
        ("Kreis Beispielland", 5): (19, 29),
        ("Verein für Vielfalt e. V.", 2): (34, 44),
    }


def test_reports_signed_at_their_end_belong_to_the_signing_partner() -> None:
    """Each report opens with its own title and is signed below its text ("— Feuerwehr
    Musterhausen, Akademie"): the text up to the signature is the signer's, and a title
    that ends in an organisation word ("… im Einsatzdienst") names no partner."""
    lines = []
    for chapter, title, signature in (
        (
            "HANDLUNGSFELD 1 – Erhöhung des Anteils der Beschäftigten mit Migrationsgeschichte",
            "Azubi-Botschafter an Schulen",
            "— Stadt Musterhausen, Personalamt",
        ),
        (
            "HANDLUNGSFELD 2 – Fortbildung und interkulturelle Kompetenz",
            "Interkulturelle Kompetenz im Einsatzdienst",
            "— Feuerwehr Musterhausen, Akademie",
        ),
    ):
        lines += [chapter, "", title, *report(signature, 1), signature, ""]
    blocks, _ = _split(lines)
    assert blocks == {
        ("Stadt Musterhausen", 1): (3, 12),
        ("Feuerwehr Musterhausen", 2): (15, 24),
    }


def test_lettered_chapters_and_capital_partner_names_beside_a_logo_open_blocks() -> None:
    """Chapters lettered on a line set apart ("C TEILHABE UND FAIRE VERFAHREN"; a title
    without the field's words counts by its letter), partner names in capitals after a
    logo's placeholder with their town after a dot, or a label after a drawn rule."""
    lines = [
        "A VIELFALT IN DEN EIGENEN REIHEN",
        "",
        "[Logo] TÜRKISCHE GEMEINDE IN MUSTERLAND E. V. · Musterstadt",
        "",
        *report("Türkische Gemeinde in Musterland e. V.", 1),
        "Die Gemeinde berät seit vielen Jahren Familien in sieben Sprachen.",
        "",
        "B INTERKULTURELLE KOMPETENZ STÄRKEN",
        "",
        "[Wappen] STADT BEISPIELHAUSEN ────────────── Modellregion",
        "",
        *report("Stadt Beispielhausen", 2),
        "Die Stadt berät seit vielen Jahren Familien in sieben Sprachen.",
        "",
        "C HINSCHAUEN UND ANSPRECHBAR SEIN",
        "",
        "[Logo] MUSTER VERKEHRSGESELLSCHAFT MBH (MVG) · Musterstadt",
        "",
        *report("Muster Verkehrsgesellschaft mbH", 3),
    ]
    blocks, _ = _split(lines)
    assert blocks == {
        ("Türkische Gemeinde in Musterland e. V.", 1): (5, 13),
        ("Stadt Beispielhausen", 2): (18, 26),
        ("Muster Verkehrsgesellschaft mbH", 3): (31, 37),  # its short form is an alias
    }


def test_roman_chapters_and_names_over_a_profile_open_blocks() -> None:
    """Chapters numbered in Roman numerals before a title in capitals ("III GLEICHE
    CHANCEN"), partner sections numbered under them ("I.1"), and names
    set over a short profile of their organisation: its entries ("Sitz: Musterstadt",
    "Branche    Verkehr" in columns) describe the partner, they name none."""
    profile = ["Gründungsjahr 1989     Sitz Musterstadt     Schwerpunkte Beratung", "_" * 40]
    lines = [
        "I VIELFALT IM EIGENEN TEAM",
        "Menschen mit Einwanderungsgeschichte gewinnen",
        "",
        "I.1   Deutscher Alpenverein, Sektion Musterstadt",
        "      Kurzprofil  Bergsport- und Kletterverein mit Angeboten für alle",
        "",
        *report("Deutscher Alpenverein", 1),
        "",
        "II GEMEINSAM LERNEN",
        "Fortbildung für alle",
        "",
        "Verein für Vielfalt e. V.",
        *profile,
        "",
        *report("Verein für Vielfalt e. V.", 2),
        "",
        "III GLEICHE CHANCEN FÜR ALLE",
        "Beratung und Teilhabe",
        "",
        "Muster Verkehr AG",
        "Branche        Verkehr",
        "Sitz:          Musterstadt",
        "",
        *report("Muster Verkehr AG", 3),
        "",
        "IV SICHTBAR WERDEN",
        "Dokumentation und Kommunikation",
        "",
        "Verein für Vielfalt e. V.",
        *profile,
        "",
        *report("Verein für Vielfalt e. V.", 4),
    ]
    blocks, _ = _split(lines)
    assert blocks == {
        ("Deutscher Alpenverein, Sektion Musterstadt", 1): (5, 14),
        ("Verein für Vielfalt e. V.", 2): (19, 29),
        ("Muster Verkehr AG", 3): (34, 44),
        ("Verein für Vielfalt e. V.", 4): (49, 58),
    }


def test_numbered_chapters_in_capitals_and_partner_headers_set_in_columns() -> None:
    """A chapter's number alone before its title in capitals counts its field ("2
    KOMPETENZEN STÄRKEN"); a partner's header set in columns gives its name in the first
    one ("JOBCENTER MUSTERSTADT      Jobcenter      seit 2014", "1.1   Muster GmbH    …")."""
    lines = [
        "1   MENSCHEN GEWINNEN",
        "    Mehr Beschäftigte mit Einwanderungsgeschichte",
        "",
        "JOBCENTER MUSTERSTADT                    Jobcenter               seit 2014",
        *report("Jobcenter Musterstadt", 1),
        "",
        "2   KOMPETENZEN STÄRKEN",
        "    Lernen für alle",
        "",
        "2.1   Muster Backwaren GmbH                          Lebensmittel / Backwaren",
        "",
        *report("Muster Backwaren GmbH", 2),
        "",
        "VEREIN FÜR VIELFALT E. V.  Wohlfahrtsverband            seit 2016",
        *report("Verein für Vielfalt e. V.", 3),
    ]
    blocks, _ = _split(lines)
    assert blocks == {
        ("Jobcenter Musterstadt", 1): (5, 12),
        ("Muster Backwaren GmbH", 2): (18, 25),
        ("Verein für Vielfalt e. V.", 2): (27, 33),
    }


def test_chapters_listed_in_the_contents_and_names_over_a_repeated_question() -> None:
    """Chapter titles worded by a theme of the brochure's own are chapters where its table
    of contents lists them in the fields' order ("Wissen und Wirkung" stands fourth, between
    titles that name the third and fifth field); a partner's name over the question every
    report answers opens its report."""
    question = "Was hat sich im Berichtsjahr bei Ihnen bewegt?"
    lines = [
        "Inhalt",
        "",
        "Vorwort ...................................................... 2",
        "Personal gewinnen und halten ................................. 3",
        "Qualifizierung und Kompetenz ................................. 4",
        "Zugang und Teilhabe .......................................... 5",
        "Wissen und Wirkung ........................................... 6",
        "Netzwerke und Kooperation .................................... 7",
        "",
        "PERSONAL GEWINNEN UND HALTEN",
        "",
        "Jobcenter Musterstadt",
        "",
        question,
        *report("Jobcenter Musterstadt", 1),
        "",
        "QUALIFIZIERUNG UND KOMPETENZ",
        "",
        "Muster Verkehr AG",
        "",
        question,
        *report("Muster Verkehr AG", 2),
        "",
        "WISSEN UND WIRKUNG",
        "",
        "Verein für Vielfalt e. V.",
        "",
        question,
        *report("Verein für Vielfalt e. V.", 4),
    ]
    blocks, at = _split(lines)
    assert blocks == {  # from the question below the name to the next chapter's title
        ("Jobcenter Musterstadt", 1): (at["Jobcenter Musterstadt"] + 2, 22),
        ("Muster Verkehr AG", 2): (at["Muster Verkehr AG"] + 2, 35),
        ("Verein für Vielfalt e. V.", 4): (at["Verein für Vielfalt e. V."] + 2, len(lines)),
    }


def test_contents_of_a_report_of_its_own_open_no_chapters() -> None:
    """A report's own contents name fields' words at other places ("Teilhabe" second):
    its titles are no chapters of the fields."""
    lines = [
        "1. Ausgangslage im Landkreis ................................. 2",
        "2. Koordinierungsstelle Migration und Teilhabe ............... 2",
        "3. Netzwerke und Gremien ..................................... 3",
        "",
        "Koordinierungsstelle Migration und Teilhabe",
        "",
        "Muster Verkehr AG",
        *report("Muster Verkehr AG", 2),
        "",
        "Netzwerke und Gremien",
        "",
        "Verein für Vielfalt e. V.",
        *report("Verein für Vielfalt e. V.", 3),
    ]
    assert _split(lines)[0] == {}


def test_reports_under_their_partners_web_address_split_a_brochure_without_chapters() -> None:
    """Reports sorted by no field, each under its partner's name (in one form, here in
    capitals) and web address, are blocks of no field; a contact list of names with web
    addresses is none."""
    lines = [
        "Berichte aus den Mitgliedsgremien",
        "",
        "Die Gremien unseres Netzwerks berichten hier in eigenen Worten über ihr Jahr, über",
        "Begegnungen, Feste und Gespräche und über das, was sie sich noch vornehmen.",
        "",
        "FORUM DER RELIGIONEN MUSTERSTADT",
        "www.forum-der-religionen-musterstadt.de",
        "",
        *report("Forum der Religionen Musterstadt", 1),
        "",
        "FORUM DER KULTUREN BEISPIELHAUSEN E. V.",
        "forum-kulturen.beispielhausen.de",
        "",
        *report("Forum der Kulturen Beispielhausen e. V.", 2),
        "",
        "MUSTER VERKEHR AG",
        "https://www.muster-verkehr.de/vielfalt",
        "",
        *report("Muster Verkehr AG", 3),
    ]
    blocks, at = _split(lines)
    assert blocks == {  # from the web address below the name to the next name
        ("Forum der Religionen Musterstadt", None): (7, 16),
        ("Forum der Kulturen Beispielhausen e. V.", None): (18, 27),
        ("Muster Verkehr AG", None): (29, len(lines)),
    }
    contacts = [
        "Unsere Partner:",
        "",
        "Rat der Religionen Musterstadt",
        "www.rat-der-religionen-musterstadt.de",
        "Forum der Kulturen Beispielhausen e. V.",
        "forum-kulturen.beispielhausen.de",
        "Muster Verkehr AG",
        "www.muster-verkehr.de",
    ]
    assert _split(contacts)[0] == {}


def test_names_over_a_quotation_and_a_unit_after_the_legal_form_open_reports() -> None:
    """A name over a quotation of the partner's opens its report, whatever its words
    ("BSV Musterhausen"); a unit after a dash behind the legal form is the partner's unit,
    the partner reports ("TSV Beispielstadt e. V. – Abteilung Fußball")."""
    lines = [
        "1   MENSCHEN GEWINNEN",
        "",
        "",
        "TSV BEISPIELSTADT E. V. – ABTEILUNG FUSSBALL",
        "»Bei uns zählt, wer mitspielt, nicht woher jemand kommt.«",
        "",
        *report("TSV Beispielstadt e. V.", 1),
        "",
        "",
        "BSV MUSTERHAUSEN",
        "»Wer bei uns mitspielen will, muss zuerst ankommen dürfen.«",
        "",
        *report("BSV Musterhausen", 2),
        "",
        "2   KOMPETENZEN STÄRKEN",
        "",
        "",
        "Verein für Vielfalt e. V.",
        "„Vielfalt lernt man im Verein, nicht im Lehrbuch.“",
        "",
        *report("Verein für Vielfalt e. V.", 3),
    ]
    blocks, at = _split(lines)
    assert blocks == {  # from the quotation below the name to the next name or chapter
        ("TSV Beispielstadt e. V.", 1): (5, 15),
        ("BSV Musterhausen", 1): (17, 26),
        ("Verein für Vielfalt e. V.", 2): (at["Verein für Vielfalt e. V."] + 1, len(lines)),
    }


def test_a_short_form_before_or_after_a_partners_name_and_an_arrow_are_left_off() -> None:
    """ "KVB – Kölner Verkehrs-Betriebe AG", "» Landesfeuerwehrverband Musterland e. V.
    (LFV)": the partner is named in full, as a reference names it. A town in brackets
    stays."""
    names = [
        ("MVB – Musterstädter Verkehrs-Betriebe AG", 1, "Vom Fahrgast zum Fahrer"),
        ("» Landesfeuerwehrverband Musterland e. V. (LFV Musterland)", 1, "Nachwuchs gewinnen"),
        ("Stadtwerke – Stadtwerke Musterstadt GmbH", 2, "Ausbilden mit Haltung"),
        ("Stadt Halle (Saale)", 2, "Beratung in vielen Sprachen"),
    ]
    titles = {
        1: "Handlungsfeld 1: Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte",
        2: "Handlungsfeld 2: Fortbildung und interkulturelle Kompetenz",
    }
    lines: list[str] = []
    for name, field, subtitle in names:
        if titles[field] not in lines:
            lines += [titles[field], ""]
        lines += [
            name,
            subtitle,
            "",
            "Im Berichtsjahr haben wir unsere Stellenausschreibungen überarbeitet. Sie",
            "sprechen nun ausdrücklich Menschen mit Einwanderungsgeschichte an, und die",
            "Auswahlgremien wurden vorher geschult.",
            "",
        ]
    blocks, _ = _split(lines)
    assert [name for name, _ in blocks] == [
        "Musterstädter Verkehrs-Betriebe AG",
        "Landesfeuerwehrverband Musterland e. V.",
        "Stadtwerke Musterstadt GmbH",
        "Stadt Halle (Saale)",
    ]


def test_reports_under_a_title_and_a_byline_naming_the_partner_in_the_genitive() -> None:
    """A brochure that heads each report with its title and a byline ("Ein Beitrag der
    Nassauischen Sparkasse") names the partner in the byline, in the nominative."""
    lines = [
        "Vielfalt gestalten – Beispiele aus der Praxis",
        "",
        "Die folgenden Beiträge wurden von den Instituten selbst verfasst.",
        "",
        "Vom Praktikum in die Ausbildung",
        "Ein Beitrag der Nassauischen Sparkasse",
        "",
        *report("Nassauische Sparkasse", 1),
        "",
        "Sprache als Schlüssel",
        "Ein Beitrag des Caritasverbandes Musterstadt e. V.",
        "",
        *report("Caritasverband Musterstadt e. V.", 2),
        "",
        "Mentoring für den Einstieg",
        "Bericht der Volksbank Beispielland eG",
        "",
        *report("Volksbank Beispielland eG", 3),
    ]
    blocks, at = _split(lines)
    assert set(blocks) == {
        ("Nassauische Sparkasse", None),
        ("Caritasverband Musterstadt e. V.", None),
        ("Volksbank Beispielland eG", None),
    }
    assert blocks[("Caritasverband Musterstadt e. V.", None)][0] >= at["Sprache als Schlüssel"]


def test_a_lead_in_the_layout_repeats_before_each_partners_name_is_no_part_of_it() -> None:
    """ "So engagiert sich die IG BCE": words that three or more standing-alone lines open
    with, before an organisation's name each time, are the layout's, not the name's."""
    lines = [
        "Willkommen! Gewerkschaften engagieren sich",
        "",
        "So engagiert sich die IG Metall Beispielküste",
        "",
        *report("IG Metall Beispielküste", 1),
        "",
        "So engagiert sich der DGB Musterland",
        "",
        *report("DGB Musterland", 2),
        "",
        "So engagiert sich die DGB-Jugend Musterstadt",
        "",
        *report("DGB-Jugend Musterstadt", 3),
        "",
        "So engagiert sich der Lehrerverband Musterland e. V.",
        "",
        *report("Lehrerverband Musterland e. V.", 4),
    ]
    text = clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))
    assert repeated_lead_ins(text) == {("So", "engagiert", "sich")}
    names = {h.name for h in heading_candidates(text, page_starts(text))}
    assert {"IG Metall Beispielküste", "DGB Musterland", "Lehrerverband Musterland e. V."} <= names
    # a name over several reports is no lead-in, nor are sentences set on lines of their own
    names_again = [
        "",
        "Das Jobcenter Musterstadt Nord",
        "",
        "Das Jobcenter Musterstadt Süd",
        "",
        "Das Jobcenter Musterstadt West",
        "",
        "Im Rahmen des Projekts wurde viel erreicht.",
    ]
    other = clean(SourceText("u.txt", "u.txt", tuple(names_again), (None,) * 8, "0"))
    assert repeated_lead_ins(other) == frozenset()


def test_a_name_set_in_lower_case_as_a_word_mark_is_read_as_the_text_writes_it() -> None:
    """ "arbeitsgemeinschaft dritte welt e. v." over a report: the name as the text writes
    it elsewhere; lower-case lines whose words the text never capitalises stay text."""
    lines = [
        "Träger berichten",
        "",
        "Es berichten die Arbeitsgemeinschaft Musterwelt e. V. und die Mobile Jugendarbeit",
        "Beispielstadt sowie weitere Träger.",
        "",
        "arbeitsgemeinschaft musterwelt e. v.",
        "",
        *report("Arbeitsgemeinschaft Musterwelt e. V.", 1),
        "",
        "mobile jugendarbeit beispielstadt.",
        "",
        *report("Mobile Jugendarbeit Beispielstadt", 2),
        "",
        "offene türen für alle",
        "",
        *report("Mobile Jugendarbeit Beispielstadt", 3),
    ]
    text = clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))
    names = {h.name for h in heading_candidates(text, page_starts(text))}
    assert {"Arbeitsgemeinschaft Musterwelt e. V.", "Mobile Jugendarbeit Beispielstadt"} <= names
    assert not any("offene" in n.casefold() or n.islower() for n in names)


def test_a_circled_field_mark_after_a_partners_name_is_no_part_of_it() -> None:
    """ "Stadtreinigung Musterstadt GmbH ①": the number in a circle after the name marks
    the report's field, as the layout prints it after every name."""
    lines = [
        "① Personal und Nachwuchs",
        "Menschen für Ausbildung und Beruf gewinnen",
        "",
        "Stadtreinigung Musterstadt GmbH ①",
        "",
        *report("Stadtreinigung Musterstadt GmbH", 1),
        "",
        "③ Gleicher Zugang zu Leistungen",
        "Dienste, die allen offenstehen",
        "",
        "Verein für Vielfalt e. V. ③",
        "",
        *report("Verein für Vielfalt e. V.", 2),
        "",
        "⑤ Netzwerke und Partnerschaften",
        "Gemeinsam mehr erreichen",
        "",
        "Kreis Beispielland ⑤",
        "",
        *report("Kreis Beispielland", 3),
    ]
    text = clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))
    # the names the layout rules read (which of them open reports without chapters of the
    # fields is the learnt classifier's to decide)
    assert {name for _, name in find_partner_headings(text)} == {
        "Stadtreinigung Musterstadt GmbH",
        "Verein für Vielfalt e. V.",
        "Kreis Beispielland",
    }


def test_partners_numbered_in_circles_open_no_chapters() -> None:
    """A brochure that numbers its partners in circles ("② Stadtwerke Musterstadt GmbH")
    has no fields of action: the numbers count partners, not fields."""
    partners = [
        "Stadtwerke Musterstadt GmbH",
        "Verein für Vielfalt e. V.",
        "Kreis Beispielland",
        "Beispielbibliothek Nord",
    ]
    lines = ["Unsere Partner berichten", ""]
    for n, partner in enumerate(partners):
        text = [*report(partner, n + 1), "", *report(partner, n + 5)]
        lines += [f"{'①②③④'[n]} {partner}", "", *text, ""]
    text = clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))
    assert find_chapters(text) == []


def test_lists_numbered_in_circles_open_no_chapters() -> None:
    """Steps numbered ① and ② in every report are lists: a circled number that opens
    several lines counts no field, whatever its line says."""
    lines = ["Unsere Partner berichten", ""]
    for n, partner in enumerate(["Stadt Musterhausen", "Kreis Beispielland"]):
        lines += [partner, "", "① Personal gewinnen und halten", "", *report(partner, n + 1)]
        lines += ["", *report(partner, n + 3), "", "② Fortbildung für alle", ""]
        lines += [*report(partner, n + 5), "", *report(partner, n + 7), ""]
    text = clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))
    assert find_chapters(text) == []


def _paged(chapters: list[tuple[list[str], list[str]]]) -> list[str]:
    """A brochure whose chapters each open a page under a running footer: (title lines,
    partner heading lines) per chapter, each heading followed by a report."""
    lines: list[str] = []
    for page, (title, headings) in enumerate(chapters, start=3):
        lines += [f"Netzwerk Beispielvielfalt | Partnerberichte 2025 | {page}", *title, ""]
        for n, heading in enumerate(headings):
            lines += [heading, *report(heading, n, page), ""]
    return [*lines, "Netzwerk Beispielvielfalt | Partnerberichte 2025 | 9"]


def test_a_chapter_label_of_any_word_and_a_symbol_before_each_name() -> None:
    """ "SCHWERPUNKT II" over the field's title labels the chapter as "Kapitel 2" would;
    "+ Stadtwerke …" is the name behind a mark the layout draws (the reports follow the
    title at once, on its page)."""
    lines = _paged(
        [
            (
                ["SCHWERPUNKT I", "Mehr Beschäftigte mit Einwanderungsgeschichte"],
                ["+ Stadtwerke Musterstadt GmbH", "+ Kreis Beispielland"],
            ),
            (
                ["SCHWERPUNKT II", "Interkulturelle Kompetenz und Fortbildung"],
                ["+ Ärztekammer Beispielland", "+ Verein für Vielfalt e. V."],
            ),
        ]
    )
    blocks, _ = _split(lines)
    assert sorted(blocks) == [
        ("Kreis Beispielland", 1),
        ("Stadtwerke Musterstadt GmbH", 1),
        ("Verein für Vielfalt e. V.", 2),
        ("Ärztekammer Beispielland", 2),
    ]


def test_names_with_facts_after_dots_under_a_subtitled_chapter_open_reports() -> None:
    """ "Stadtwerke Musterstadt GmbH · Musterstadt · 410 Beschäftigte": the name, then its
    town and figures; a chapter's subtitle between its title and the first name is no
    introduction."""
    lines = _paged(
        [
            (
                [
                    "Abschnitt I",
                    "Personal gewinnen",
                    "Mehr Beschäftigte mit Einwanderungsgeschichte",
                ],
                [
                    "Stadtwerke Musterstadt GmbH · Musterstadt · 410 Beschäftigte",
                    "Kreis Beispielland · Beispielstadt · 250.000 Einwohnerinnen und Einwohner",
                ],
            ),
            (
                [
                    "Abschnitt II",
                    "Kompetenzen stärken",
                    "Fortbildung und interkulturelle Kompetenz",
                ],
                ["Handwerkskammer Musterstadt · Musterstadt · 22.000 Mitgliedsbetriebe"],
            ),
        ]
    )
    blocks, at = _split(lines)
    assert sorted(blocks) == [
        ("Handwerkskammer Musterstadt", 2),
        ("Kreis Beispielland", 1),
        ("Stadtwerke Musterstadt GmbH", 1),
    ]
    assert (
        blocks[("Stadtwerke Musterstadt GmbH", 1)][0]
        == at["Stadtwerke Musterstadt GmbH · Musterstadt · 410 Beschäftigte"] + 1
    )


def test_a_name_of_the_brochures_form_the_layout_rules_missed_opens_its_report() -> None:
    """The layout rules read "Partner: …" where no lower-case line follows; the form all
    four names share opens the fourth report too, though a line in lower case is set
    below its name."""
    lines = ["JAHRESBERICHT DER PARTNER", "", "I. EINLEITUNG", "Die Partner berichten.", ""]
    lines += ["II. FORTBILDUNG UND INTERKULTURELLE KOMPETENZ", ""]
    names = (
        "Landkreis Musterhausen",
        "Verein für Vielfalt e. V.",
        "Kreis Beispielland",
        "Stadtwerke Musterstadt GmbH",
    )
    for n, name in enumerate(names, start=1):
        lines += ["[Logo]", f"Partner: {name}"]
        if n == len(names):
            lines.append("seit 2020 im Netzwerk und mit zwei Standorten vertreten")
        lines += [*report(name, n), ""]
    blocks, at = _split(lines)
    ends = {partner: end for (partner, _), (_, end) in blocks.items()}
    assert list(ends) == list(names)
    assert ends[names[2]] < at[f"Partner: {names[3]}"]


def test_a_line_of_facts_below_a_partners_name_describes_it() -> None:
    """ "Rundfunk Musterland (RML)" over "Anstalt des öffentlichen Rechts · Musterstadt ·
    3.200 Beschäftigte": the name opens the report, and the line of facts below describes
    the partner (a line of facts under no name opens a report itself, see above). A short
    form of two words before the name ("BG MUSTER – …") is left off like one of one word."""
    facts = {
        "Rundfunk Musterland (RML)": "Anstalt des öffentlichen Rechts · Musterstadt · 3.200 "
        "Beschäftigte",
        "Mediengruppe Beispielland GmbH": "Zeitungs- und Digitalverlag · Beispielstadt · 1.150 "
        "Beschäftigte",
        "BG MUSTER – Berufsgenossenschaft Musterbau": "Unfallversicherung · Musterstadt · 900 "
        "Beschäftigte",
    }
    names = list(facts)
    paged = _paged(
        [
            (["Handlungsfeld 1", "Mehr Beschäftigte mit Einwanderungsgeschichte"], names[:2]),
            (["Handlungsfeld 2", "Fortbildung und interkulturelle Kompetenz"], names[2:]),
        ]
    )
    lines = [out for line in paged for out in ([line, facts[line]] if line in facts else [line])]
    blocks, at = _split(lines)
    assert sorted(blocks) == [
        ("Berufsgenossenschaft Musterbau", 2),
        ("Mediengruppe Beispielland GmbH", 1),
        ("Rundfunk Musterland", 1),
    ]
    assert blocks[("Rundfunk Musterland", 1)][0] == at["Rundfunk Musterland (RML)"] + 1


def test_a_chapters_label_repeated_at_the_top_of_its_pages_is_a_running_header() -> None:
    """ "Handlungsfeld 2 · Interkulturelle Kompetenz" over each page of the chapter, under
    a page number: a running header, so the name right below it opens its page and its
    report, as a name under a page's top does."""
    chapters = {
        1: ("Mehr Vielfalt in den Teams", ["Stadt Musterstadt", "Kreis Beispielland"]),
        2: ("Interkulturelle Kompetenz", ["Verein für Vielfalt e. V.", "Jobcenter Musterstadt"]),
    }
    lines: list[str] = []
    page = 3
    for field, (title, (first, second)) in chapters.items():
        lines += [str(page), f"Handlungsfeld {field}", title, "", first]
        lines += [*report(first, 0, field), ""]
        lines += [str(page + 1), f"Handlungsfeld {field} · {title}", second]
        lines += [*report(second, 1, field), ""]
        page += 2
    blocks, at = _split(lines)
    assert sorted(blocks) == [
        ("Jobcenter Musterstadt", 2),
        ("Kreis Beispielland", 1),
        ("Stadt Musterstadt", 1),
        ("Verein für Vielfalt e. V.", 2),
    ]
    assert blocks[("Kreis Beispielland", 1)][0] == at["Kreis Beispielland"] + 1


def test_a_paragraph_opening_with_a_preposition_and_its_article_is_no_name() -> None:
    """ "Mit dem Ressort Integration der Stadt" on a line of its own after an empty line,
    its sentence going on below with a capitalised word: a sentence of the report, not the
    name of a partner whose report it opens."""
    lines = [
        "Handlungsfeld 1: Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte",
        "",
        "Stadtwerke Musterstadt GmbH",
        *report("Stadtwerke Musterstadt GmbH", 0),
        "",
        "Mit dem Ressort Integration der Stadt",
        "Musterstadt haben wir eine Vereinbarung über Praktika geschlossen.",
        "",
        "Kreis Beispielland",
        *report("Kreis Beispielland", 1),
        "",
        "Handlungsfeld 2: Fortbildung und interkulturelle Kompetenz",
        "",
        "Verein für Vielfalt e. V.",
        *report("Verein für Vielfalt e. V.", 2),
    ]
    blocks, at = _split(lines)
    assert sorted(blocks) == [
        ("Kreis Beispielland", 1),
        ("Stadtwerke Musterstadt GmbH", 1),
        ("Verein für Vielfalt e. V.", 2),
    ]
    start, end = blocks[("Stadtwerke Musterstadt GmbH", 1)]
    assert start < at["Mit dem Ressort Integration der Stadt"] < end


def test_chapters_counted_by_a_word_of_their_own_are_the_counted_fields() -> None:
    """ "BAUSTEIN 1" … "BAUSTEIN 3" over titles in the brochure's own words: one title names
    its field's words ("Kompetenz durch Fortbildung"), so the count is the field."""
    lines = _paged(
        [
            (
                ["BAUSTEIN 1", "Türen aufmachen"],
                ["Stadtwerke Musterstadt GmbH", "Kreis Beispielland"],
            ),
            (["BAUSTEIN 2", "Kompetenz durch Fortbildung"], ["Ärztekammer Beispielland"]),
            (["BAUSTEIN 3", "Gleiche Rechte im Alltag"], ["Verein für Vielfalt e. V."]),
        ]
    )
    assert sorted(_split(lines)[0]) == [
        ("Kreis Beispielland", 1),
        ("Stadtwerke Musterstadt GmbH", 1),
        ("Verein für Vielfalt e. V.", 3),
        ("Ärztekammer Beispielland", 2),
    ]


def test_chapters_numbered_with_a_mark_or_an_ordinal_or_a_field_word_open_their_fields() -> None:
    """ "01 — …", "Zweites Handlungsfeld: …" and "Themenfeld …" count or name the fields."""
    names = [
        ["Stadtwerke Musterstadt GmbH", "Verein für Vielfalt e. V."],
        ["Ärztekammer Beispielland"],
        ["Kreis Beispielland"],
    ]
    forms = {
        "mark": ["01 — NACHWUCHS GEWINNEN", "02 — GUT GESCHULT", "04 — WISSEN, WAS WIRKT"],
        "ordinal": [
            "Erstes Handlungsfeld: Türen aufmachen",
            "Zweites Handlungsfeld: Qualifizierung im Betrieb",
            "Viertes Handlungsfeld: Sichtbar machen",
        ],
        "field word": [
            "Themenfeld Personal und Nachwuchs",
            "Themenfeld Qualifizierung",
            "Themenfeld Dokumentation und Öffentlichkeit",
        ],
    }
    for form, titles in forms.items():
        lines = _paged([([title], heads) for title, heads in zip(titles, names, strict=True)])
        assert sorted(_split(lines)[0]) == [
            ("Kreis Beispielland", 4),
            ("Stadtwerke Musterstadt GmbH", 1),
            ("Verein für Vielfalt e. V.", 1),
            ("Ärztekammer Beispielland", 2),
        ], form


def test_counts_of_figures_agenda_items_and_titles_naming_no_field_open_no_chapters() -> None:
    """A figure's, an agenda item's count is no chapter's; nor is a count whose titles
    never name the field they would count."""
    for titles in (
        [
            "Abbildung 1: Personal nach Alter",
            "Abbildung 2: Fortbildungstage",
            "Abbildung 3: Teilhabe",
        ],
        ["TOP 1 Begrüßung und Personal", "TOP 2 Fortbildung", "TOP 3 Verschiedenes"],
        ["BAUSTEIN 1", "BAUSTEIN 2", "BAUSTEIN 3"],
    ):
        lines = _paged([([title, "Was wir gemacht haben"], []) for title in titles])
        lines += ["", *report("Stadt Musterhausen", 1)]
        text = clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))
        assert find_chapters(text) == [], titles[0]


def test_a_chapter_title_mid_page_below_a_report_leaves_that_report_in_the_chapter_before() -> None:
    """The second field's title stands mid-page, below a partner's report and above the
    chapter's introduction: the report above it on its page is the first field's."""
    a, v, k = "STADT MUSTERHAUSEN", "VEREIN FÜR VIELFALT E. V.", "KREIS BEISPIELLAND"
    pages = [
        ["Handlungsfeld 1 | Mehr Beschäftigte mit Einwanderungsgeschichte", "", a]
        + report("Stadt Musterhausen", 1),
        ["", v, *report("Verein für Vielfalt e. V.", 2), ""]
        + ["Handlungsfeld 2 | Interkulturelle Kompetenz und Fortbildung", ""]
        + ["Fortbildung ist für Vereine eine besondere Herausforderung.", ""],
        [k, *report("Kreis Beispielland", 3)],
    ]
    lines = [line for page in pages for line in page]
    numbers = tuple(n for n, page in enumerate(pages, start=1) for _ in page)
    text = clean(SourceText("b.pdf", "b.pdf", tuple(lines), numbers, "0"))
    blocks = {(b.partner, b.category): (b.start, b.end) for b in split_sections(text)}
    verein = lines.index(v) + 1
    assert blocks[("Verein für Vielfalt e. V.", 1)][0] == verein + 1
    assert ("Kreis Beispielland", 2) in blocks


def _unions_report(partner: str, n: int) -> list[str]:
    """A report in the partner's voice whose measures have sub-headings of their own,
    set right over their text."""
    first, second = _SUB_HEADINGS[n % len(_SUB_HEADINGS)]
    return [
        f"Als {partner} vertreten wir rund {n * 1000} Beschäftigte in der Region.",
        "Viele unserer Mitglieder haben eine Einwanderungsgeschichte.",
        "",
        first,
        "Wir haben ein eintägiges Seminar für Betriebs- und Personalräte entwickelt,",
        f"das bisher {n + 3}-mal durchgeführt wurde, zuletzt in Hagen und Hamm.",
        "",
        second,
        "Unsere Sprechstunden bieten wir inzwischen in vier Sprachen an.",
    ]


_SUB_HEADINGS = (
    ("Mitbestimmung bei der Einstellung", "Sprechstunden in vier Sprachen"),
    ("Fortbildung für Vertrauensleute", "Beratung am Arbeitsplatz"),
    ("Jugendbildung", "Faire Integration"),
    ("Vielfalt in der Tarifarbeit", "Kampagne gegen Rassismus"),
)


def test_names_set_apart_by_empty_lines_open_their_reports() -> None:
    """A brochure sets each partner's name between empty lines, and a report's own
    sub-headings right over their text: the spacing is the names' form, so every name
    opens its report, also one without an organisation's word ("IG Metall Bezirk
    Musterland")."""
    partners = (
        (1, "Gesamtpersonalrat der Stadt Musterhausen"),
        (2, "IG Metall Bezirk Musterland"),
        (3, "Jugend- und Auszubildendenvertretung der Beispiel Chemie AG"),
        (5, "DGB-Region Beispielland"),
    )
    lines = ["Partnerberichte 2025", "", "Vorwort", "", "Liebe Leserinnen und Leser.", ""]
    for category, partner in partners:
        lines += [
            f" {category} {TITLES.get(category, 'Synergieeffekte durch Vernetzung')}",
            "",
            "Zwei Partner stellen hier ihre Maßnahmen vor, die nächsten Seiten zeigen sie.",
            "",
            partner,
            "",
            *_unions_report(partner, category),
            "",
        ]
    blocks, at = _split(lines)
    assert {key: start for key, (start, _) in blocks.items()} == {
        (partner, category): at[partner] + 2 for category, partner in partners
    }


def test_a_partners_name_over_its_fields_label_opens_the_report() -> None:
    """Each report is headed by its partner's name with the field of action it reports
    on right below ("Handlungsfeld 2 – …"), now and then with the partner's town between:
    the name opens the field's chapter and the report, and is not the last line of the
    report before it (where a name extracted after its report would stand)."""
    partners = (
        (1, "Studierendenwerk Musterstadt AöR", None),
        (
            2,
            "International Office der Hochschule Beispielland",
            "(ehemals Akademisches Auslandsamt)",
        ),
        (3, "Volkshochschule Musterkreis", "Zweckverband der Städte Adorf und Bedorf"),
    )
    lines = ["Berichte der Partnerorganisationen", ""]
    for category, partner, subtitle in partners:
        lines += [
            partner,
            *([subtitle, ""] if subtitle else []),
            f"Handlungsfeld {category} – {TITLES[category]}",
            "",
            *report(partner, category),
            "",
        ]
    blocks, at = _split(lines)
    assert {key: start for key, (start, _) in blocks.items()} == {
        (partner, category): at[partner] + 1 for category, partner, _ in partners
    }


def test_the_partners_name_with_a_unit_after_a_dash_is_a_unit_of_that_partner() -> None:
    """ "Kreis Beispielland – Gesundheitsamt" signing the report headed "Kreis Beispielland"
    is the partner's unit (its heading opens no report of its own); a longer name that
    only begins like it is not."""
    assert _unit_of("Kreis Beispielland – Gesundheitsamt", "Kreis Beispielland")
    assert _unit_of("StädteRegion Musterstadt, Der Städteregionsrat", "Städteregion Musterstadt")
    assert not _unit_of("Kreis Beispiellandstraße", "Kreis Beispielland")
    assert not _unit_of("Kreis Beispielland", "Kreis Beispielland")


def _field_pages(titles: list[str]) -> tuple[CleanText, list[int]]:
    """Pages of a brochure, cleaned: an overview of the six fields, then a chapter per
    title line, each with one partner's report; and the lines where the titles stand."""
    overview = [
        "Die Handlungsfelder",
        "1 Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte",
        "2 Fortbildung / Stärkung der interkulturellen Kompetenz",
        "3 Förderung von Chancengerechtigkeit und Teilhabe",
        "4 Evaluation, Dokumentation und Kommunikation",
        "5 Synergieeffekte durch Vernetzung",
        "6 Weitere Maßnahmen",
        "",
        "2",
        "",
    ]
    lines, at = list(overview), []
    partners = ("Stadt Musterhausen", "Verein für Vielfalt e. V.", "Kreis Beispielland")
    for n, title in enumerate(titles):
        partner = f"{partners[n % 3]} {n}" if n >= 3 else partners[n]
        at.append(len(lines))
        lines += [*title.split("\n"), "", partner, *report(partner, n), "", str(n + 3), ""]
    return clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0")), at


def test_a_fields_number_with_its_title_opens_the_chapter_the_labels_leave_out() -> None:
    """A brochure labels its chapters ("Handlungsfeld 1", "Handlungsfeld 3 | …") but sets
    two as the field's number and title ("2 Fortbildung / …", "4 Evaluation, …"): where
    number and title agree and the labelled chapters leave that field out, it opens there.
    The overview of the fields near the start opens none, and neither does the label's
    title line found again without its label."""
    text, at = _field_pages(
        [
            "HANDLUNGSFELD 1\nErhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte",
            "2 Fortbildung / Stärkung der interkulturellen Kompetenz",
            "Handlungsfeld 3 | Förderung von Chancengerechtigkeit und Teilhabe",
            "4 Evaluation, Dokumentation und Kommunikation",
            "Handlungsfeld 5 – Synergieeffekte durch Vernetzung",
        ]
    )
    chapters = find_chapters(text)
    assert [(c.category, c.heading[0]) for c in chapters] == list(zip(range(1, 6), at, strict=True))


def test_a_fields_number_with_its_title_over_each_report_opens_no_chapter() -> None:
    """The same number and title over every report of a field are the reports' labels:
    the labelled chapters stay as they are."""
    text, _ = _field_pages(
        [
            "Handlungsfeld 1 | Mehr Beschäftigte mit Einwanderungsgeschichte",
            "4 Evaluation, Dokumentation und Kommunikation",
            "Handlungsfeld 2 | Fortbildung und interkulturelle Kompetenz",
            "4 Evaluation, Dokumentation und Kommunikation",
            "Handlungsfeld 3 | Chancengerechtigkeit und Teilhabe",
        ]
    )
    assert [c.category for c in find_chapters(text)] == [1, 2, 3]


def test_the_name_right_under_a_chapters_title_opens_its_first_report() -> None:
    """A chapter's title, then the first partner's name, then its profile's label: the
    name opens the report though no empty line, prose or profile's entry sets it apart."""
    title = [
        "Handlungsfeld 1",
        "Erhöhung des Anteils der Beschäftigten",
        "mit Einwanderungsgeschichte",
    ]
    pages: list[list[str]] = []
    for n, (field, partner) in enumerate(
        [(1, "Musterwerke Nord GmbH"), (2, "Beispieldienste Süd GmbH"), (3, "Vielfaltbau West AG")]
    ):
        heading = title if field == 1 else [f"Handlungsfeld {field} | {TITLES[field]}"]
        pages.append(
            [*heading, partner, *(["Kurzprofil"] if field == 1 else [])]
            + [f"Beschäftigte: {n + 3}00 · Sitz: Musterstadt"]
            + [line for line in report(partner, n) if line]
            + [f"Kontakt: vielfalt@beispiel{n}.de", "", str(n + 4), ""]
        )
    lines = [line for page in pages for line in page]
    text = clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))
    blocks = {b.partner: (b.category, b.start) for b in split_sections(text)}
    assert blocks["Musterwerke Nord GmbH"][0] == 1
    assert blocks["Musterwerke Nord GmbH"][1] == lines.index("Musterwerke Nord GmbH") + 2


def _mixed_direction_brochure() -> tuple[CleanText, list[str]]:
    """Three fields, one partner each: the first name stands under its field's title, the
    second right under a bare label ("HANDLUNGSFELD 2" with no title of its own), the third
    at the end of its report, as its page's header extracted after the page's text."""
    partners = ["Musterwerke Nord GmbH", "Beispielverband Süd e. V.", "Vielfaltclub West e. V."]
    texts = [report(partner, n) + report(partner, n + 5) for n, partner in enumerate(partners)]
    pages = [
        ["HANDLUNGSFELD 1", TITLES[1], partners[0], *texts[0], "4"],
        ["HANDLUNGSFELD 2", partners[1], *texts[1], "5"],
        [f"HANDLUNGSFELD 3 | {TITLES[3]}", *texts[2], partners[2], "6"],
    ]
    lines = [line for page in pages for line in page]
    numbers = tuple(n for n, page in enumerate(pages, start=4) for _ in page)
    return clean(SourceText("t.pdf", "t.pdf", tuple(lines), numbers, "0")), lines


def test_a_bare_label_over_a_name_in_a_legal_form_is_the_chapters_title_alone() -> None:
    """The name under "HANDLUNGSFELD 2" is the first partner's, not the chapter's title."""
    text, lines = _mixed_direction_brochure()
    chapter = find_chapters(text)[1]
    assert chapter.category == 2
    assert chapter.heading == (lines.index("HANDLUNGSFELD 2"),) * 2


def test_names_over_and_under_their_reports_in_one_brochure_each_own_their_report() -> None:
    """A name under its report, with nothing of the chapter after it, owns the chapter's
    text above it; the names over their reports own the text below them."""
    text, lines = _mixed_direction_brochure()
    blocks = {b.partner: (b.category, b.start, b.end) for b in split_sections(text)}
    first = lines.index("Beispielverband Süd e. V.") + 2
    assert blocks["Beispielverband Süd e. V."] == (2, first, lines.index("5") + 1)
    third = lines.index(f"HANDLUNGSFELD 3 | {TITLES[3]}") + 2
    assert blocks["Vielfaltclub West e. V."][:2] == (3, third)
