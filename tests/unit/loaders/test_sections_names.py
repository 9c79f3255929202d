"""How a partner's name is read off its heading: names set over two lines, names set in
spaced capitals, and the name a partner gives itself in full in another of its reports."""

from __future__ import annotations

from itertools import count
from pathlib import Path

from loaders.clean.repair import clean
from loaders.extract import extract_document, to_contract
from loaders.models import CleanText, SourceText
from loaders.sections.blocks import split_sections
from loaders.sections.chapters import find_chapters
from loaders.sections.headings import name_shaped, org_like

_FIELD_1 = "Handlungsfeld 1: Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte"
_FIELD_2 = "Handlungsfeld 2: Stärkung der interkulturellen Kompetenz der Beschäftigten"


# a second partner's report after the first's
_MUSTERHAUSEN = [
    "",
    "STADT MUSTERHAUSEN",
    "Die Stadt Musterhausen wirbt auf Messen um Auszubildende.",
    "Im Berichtsjahr wurden zwölf Stellen besetzt.",
]
# a second chapter, for the chapters to be read as the fields' (one alone is no brochure's)
_SECOND_FIELD = [
    "",
    _FIELD_2,
    "",
    "STADT MUSTERHAUSEN",
    "Die Stadt Musterhausen schult ihre Beschäftigten im Bürgerbüro.",
    "Im Berichtsjahr nahmen vierzig Beschäftigte teil.",
]


def _cleaned(lines: list[str]) -> CleanText:
    return clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))


def _blocks(lines: list[str]) -> dict[tuple[str, int | None], tuple[int, int]]:
    return {(b.partner, b.category): (b.start, b.end) for b in split_sections(_cleaned(lines))}


def _brochure(first: list[str], second: list[str] | None = None) -> list[str]:
    """``first`` in the first field's chapter, then the second partner's reports, and
    ``second`` (if given) in the second field's chapter before the second partner's."""
    field_2 = [*_SECOND_FIELD[:3], *second, *_SECOND_FIELD[2:]] if second else _SECOND_FIELD
    return [_FIELD_1, "", *first, *_MUSTERHAUSEN, *field_2]


def _extracted(tmp_path: Path, lines: list[str]) -> dict:
    """The contract of a brochure under a title, extracted from a file."""
    path = tmp_path / "b.txt"
    path.write_text("\n".join(["Partnerberichte 2024", "", *lines]) + "\n", encoding="utf-8")
    return to_contract(extract_document(path))


def test_a_name_in_capitals_whose_legal_form_stands_on_the_next_line_is_one_name() -> None:
    """ "VERBAND DER BEISPIELKLINIKEN" over "NORD-SÜD E. V.": the partner is the whole name,
    not the line with the legal form."""
    report = [
        "VERBAND DER BEISPIELKLINIKEN",
        "NORD-SÜD E. V.",
        "Der Verband der Beispielkliniken Nord-Süd e. V. vertritt vierzig Häuser.",
        "Wir haben im Berichtsjahr einen Leitfaden für Bewerbungen veröffentlicht.",
    ]
    blocks = _blocks(_brochure(report))
    assert blocks[("Verband der Beispielkliniken Nord-Süd e. V.", 1)] == (5, 7)
    assert all(not partner.startswith("Nord-Süd") for partner, _ in blocks)


def test_a_title_in_capitals_over_a_name_with_its_legal_form_is_no_part_of_the_name() -> None:
    """ "GEMEINSAM STARK" over "BEISPIEL GMBH": a report's title, not the first half of the
    name (it names no organisation's head word, and the text never writes them together)."""
    report = [
        "GEMEINSAM STARK",
        "BEISPIELWERKE GMBH",
        "Die Beispielwerke GmbH bilden jedes Jahr zwanzig junge Menschen aus.",
        "Wir haben im Berichtsjahr einen Leitfaden für Bewerbungen veröffentlicht.",
    ]
    assert not any(partner.startswith("Gemeinsam") for partner, _ in _blocks(_brochure(report)))


def test_names_set_in_spaced_capitals_open_reports_though_named_once() -> None:
    """A designer's heading in spaced capitals is a heading by its type, with no empty line
    around it and a line of facts set into the text below it."""
    lines = [
        _FIELD_1,
        "K L I N I K U M   B E I S P I E L S T A D T",
        "Im Klinikum arbeiten heute Menschen aus vierzig Nationen, und damit",
        "Standort: Beispielstadt",
        "das so bleibt, setzen wir auf ein eigenes Programm zur Gewinnung.",
        "S T .   M A R I E N - H O S P I T A L   M U S T E R H A U S E N",
        "Als Haus der Beispielgesellschaft verstehen wir Gastfreundschaft als",
        "Standort: Musterhausen",
        "Auftrag gegenüber allen, die zu uns kommen.",
        _FIELD_2,
        "F A C H K L I N I K   S O N N E N T A L",
        "In der Fachklinik behandeln wir Menschen aus vielen Ländern, und",
        "Standort: Sonnental",
        "unsere Teams lernen dafür in Schulungen voneinander.",
    ]
    blocks = _blocks(lines)
    assert blocks[("Klinikum Beispielstadt", 1)] == (3, 5)
    assert blocks[("St. Marien-Hospital Musterhausen", 1)] == (7, 9)
    assert blocks[("Fachklinik Sonnental", 2)] == (12, 14)


def test_a_partner_reporting_twice_is_named_in_full_in_both_reports(tmp_path: Path) -> None:
    """The report of the first field calls it by its heading only; the second gives the
    legal form: both blocks carry the full name."""
    first = [
        "KLINIKUM BEISPIELSTADT",
        "Im Klinikum Beispielstadt arbeiten Menschen aus vierzig Nationen.",
        "Wir haben im Berichtsjahr zwölf Pflegekräfte eingestellt.",
    ]
    second = [
        "KLINIKUM BEISPIELSTADT",
        "Die Klinikum Beispielstadt gGmbH schult alle Führungskräfte.",
        "Im Berichtsjahr nahmen achtzig Beschäftigte teil.",
    ]
    blocks = _extracted(tmp_path, _brochure(first, second))["blocks"]
    clinic = [b["partner"] for b in blocks if b["partner"].startswith("Klinikum")]
    assert clinic == ["Klinikum Beispielstadt gGmbH", "Klinikum Beispielstadt gGmbH"]


def test_a_boxs_label_is_not_shaped_like_a_name() -> None:
    """ "Auf einen Blick" over each report's box of facts recurs like a partner's name, but
    a preposition and its article, definite or not, open no name."""
    assert not name_shaped("Auf einen Blick")
    assert not name_shaped("Mit einem Blick auf die Region")
    assert name_shaped("Stadt Musterhausen")


def test_the_first_fields_label_right_below_the_contents_opens_its_chapter() -> None:
    """The contents list the fields by number; "Handlungsfeld 1" follows a few lines below,
    after the page's header: the contents end, and the first chapter opens there."""
    report = [f"Bericht über das Jahr, Zeile {n}." for n in range(12)]
    lines = [
        "Inhalt",
        "Grußwort 3",
        "1 Mehr Beschäftigte mit Einwanderungsgeschichte 5",
        "2 Interkulturelle Kompetenz im Betrieb 7",
        "3 Chancengerechtigkeit und Teilhabe 9",
        "4 Evaluation, Dokumentation und Kommunikation 11",
        "5 Gemeinsam mehr erreichen: Vernetzung 12",
        "6 Weitere Maßnahmen 14",
        "Impressum 15",
        "4  Partnerberichte 2025",
        "Handlungsfeld 1",
        "Mehr Beschäftigte mit Einwanderungsgeschichte",
        *report,
        "Handlungsfeld 2",
        "Interkulturelle Kompetenz im Betrieb",
        *report,
        "Handlungsfeld 3",
        "Chancengerechtigkeit und Teilhabe",
        *report,
    ]
    chapters = find_chapters(_cleaned(lines))
    assert [(c.category, c.heading[0] + 1) for c in chapters] == [(1, 11), (2, 25), (3, 39)]


def test_a_partner_headed_by_a_short_form_is_the_organisation_its_report_names_in_full(
    tmp_path: Path,
) -> None:
    """The heading leaves off the town or the carrier's initials that the report's own text
    gives: one organisation, named in full, not two nodes for one partner."""
    first = [
        "KLINIKEN AM TALWEG",
        "Die Kliniken am Talweg Hameln gGmbH beschäftigen Menschen aus vierzig Nationen.",
        "Wir haben im Berichtsjahr zwölf Pflegekräfte eingestellt.",
    ]
    second = [
        "BILDUNGSWERK ARBEIT UND ZUKUNFT HAMELN",
        "Das Bildungswerk Arbeit und Zukunft DGB/VHS Hameln e. V. schult Betriebsräte.",
        "Im Berichtsjahr nahmen achtzig Beschäftigte teil.",
    ]
    found = _extracted(tmp_path, _brochure(first, second))
    partners = {b["partner"] for b in found["blocks"]}
    full = {
        "Kliniken am Talweg Hameln gGmbH",
        "Bildungswerk Arbeit und Zukunft DGB/VHS Hameln e. V.",
    }
    assert full <= partners
    named = [o["name"] for o in found["organisations"]]
    assert not any(n.startswith(("Kliniken", "Bildungswerk")) for n in named if n not in full)


# each report's title and contact differ, as a brochure's do (a line that recurs is read
# as a heading)
_TITLES = [
    f"{a} {b}"
    for a in ("Ausbildung", "Anerkennung", "Sprache", "Mentoring", "Offenheit")
    for b in ("mit Perspektive", "im Alltag", "im Tandem", "für alle")
]
_PEOPLE = [
    f"{a} {b}"
    for a in ("Derya", "Jonas", "Mira", "Tobias", "Lena")
    for b in ("Kılıç", "Berg", "Sommer", "Hahn")
]
_REPORTS = count()


def _report(name: str, town: str) -> list[str]:
    """A report under ``name``, with a title of its own and a contact box."""
    n = next(_REPORTS)
    return [
        name,
        _TITLES[n % len(_TITLES)],
        f"In {town} arbeiten wir seit Jahren an der interkulturellen Öffnung.",
        "",
        "Kontakt",
        _PEOPLE[n % len(_PEOPLE)],
        f"Ansprechpartnerin für {town}",
        "",
        f"Im Berichtsjahr haben wir in {town} zwölf Stellen neu besetzt.",
    ]


def test_a_box_label_over_each_report_is_no_partner() -> None:
    """ "Kontakt" over each report's contact box recurs like a partner's name, but it names a
    part of the report: no report opens there."""
    lines = [
        _FIELD_1,
        *_report("STADT HAMM", "Hamm"),
        *_report("KREIS SOEST", "Soest"),
        _FIELD_2,
        *_report("STADT HAMM", "Hamm"),
        *_report("KREIS SOEST", "Soest"),
    ]
    assert {partner for partner, _ in _blocks(lines)} == {"Stadt Hamm", "Kreis Soest"}


def test_names_in_capitals_that_report_once_are_partners_where_the_others_are_so_set() -> None:
    """Three partners report twice under their names in capitals; the names in capitals of
    the partners that report once open reports too, though no empty line or finished
    sentence stands above them (each report ends with its contact's line)."""

    def report(name: str, town: str) -> list[str]:
        return [*_report(name, town)[:3], "Kontakt: Maria Muster, Personalentwicklung"]

    lines = [
        _FIELD_1,
        *report("STADT HAMM", "Hamm"),
        *report("DRK-KREISVERBAND DÜREN E. V.", "Düren"),
        *report("KREIS SOEST", "Soest"),
        *report("STADT UNNA", "Unna"),
        _FIELD_2,
        *report("STADT HAMM", "Hamm"),
        *report("CARITASVERBAND FÜR DEN KREIS SOEST E. V.", "Soest"),
        *report("KREIS SOEST", "Soest"),
        *report("STADT UNNA", "Unna"),
    ]
    partners = {partner for partner, _ in _blocks(lines)}
    assert {"Drk-Kreisverband Düren e. V.", "Caritasverband für den Kreis Soest e. V."} <= partners


def test_health_insurance_funds_are_shaped_like_organisations() -> None:
    """A "-kasse" and the funds' kinds by their initials ("IKK", "BKK") name organisations:
    their lines open reports like a "Verband"'s."""
    assert all(org_like(n) for n in ("Ersatzkasse Beispielland", "IKK Nordwest", "BKK Musterwerk"))
    report = [
        "Ersatzkasse Beispielland",
        "Sitz Musterhausen | im Netzwerk seit 2019 | 900 Beschäftigte",
        "Die Ersatzkasse schreibt ihre Stellen seit 2023 auch auf Türkisch aus.",
        "Wir haben im Berichtsjahr einen Leitfaden für Bewerbungen veröffentlicht.",
        "",
        "IKK Nordwest",
        "Sitz Beispielstadt | im Netzwerk seit 2016 | 400 Beschäftigte",
        "Unsere Auszubildenden kommen aus elf Ländern.",
        "Wir haben im Berichtsjahr zwei Lotsinnen ausgebildet.",
    ]
    blocks = _blocks(_brochure(report))
    assert {("Ersatzkasse Beispielland", 1), ("IKK Nordwest", 1)} <= set(blocks)


def test_a_sentence_opened_with_gemeinsam_mit_or_als_is_no_name() -> None:
    """ "Gemeinsam mit dem Kommunalen Integrationszentrum" and "Als Mitgliedsgemeinde der …"
    open sentences, as "Mit dem …" does."""
    assert not name_shaped("Gemeinsam mit dem Kommunalen Integrationszentrum")
    assert not name_shaped("Als Mitgliedsgemeinde der Alevitischen Gemeinde")
    assert name_shaped("Alevitische Gemeinde Hamm e. V.")


def test_a_name_in_capitals_broken_over_two_lines_is_one_name_as_the_text_writes_it() -> None:
    """ "LANDESVERBAND DER ELTERNVEREINE MIT EIN-" over "WANDERUNGSGESCHICHTE NRW E. V.
    (LEV NRW)": the word is joined as the reports write it, and the legal form with the
    short form on the next line is the name's end."""
    report = [
        "LANDESVERBAND DER ELTERNVEREINE MIT EIN-",
        "WANDERUNGSGESCHICHTE NRW E. V. (LEV NRW)",
        "Partner seit 2018 · Köln · 6 Beschäftigte",
        "",
        "Der Landesverband der Elternvereine mit Einwanderungsgeschichte NRW e. V. berät.",
        "Wir haben Eltern mit Einwanderungsgeschichte zu Lotsinnen ausgebildet.",
        "",
        "BEISPIELVEREIN FÜR MIGRANTEN-",
        "ORGANISATIONEN E. V. (BVM)",
        "Partner seit 2016 · Dortmund · 9 Beschäftigte",
        "",
        "Der Beispielverein für Migrantenorganisationen e. V. vertritt viele Vereine.",
        "Wir beraten Migrantenorganisationen in allen Fragen.",
    ]
    partners = {partner for partner, _ in _blocks(_brochure(report))}
    assert "Landesverband der Elternvereine mit Einwanderungsgeschichte NRW e. V." in partners
    assert "Beispielverein für Migrantenorganisationen e. V." in partners


def test_names_over_a_line_of_facts_open_reports_without_empty_lines() -> None:
    """ "Diakonie Beispielstadt gGmbH" over "Partner seit 2014 · Wohlfahrtsverband · Hagen",
    right after the report before ends: the line of facts below marks the partner's name."""
    report = [
        "Beispielpflege Nord gGmbH",
        "Partner seit 2016 · Träger der Altenhilfe · Herne",
        "Wir beschäftigen rund 780 Mitarbeitende, ein Drittel mit Einwanderungsgeschichte.",
        "Seit 2022 bilden wir jedes Jahr zwölf junge Menschen aus.",
        "Diakonie Beispielstadt gGmbH",
        "Partner seit 2014 · Wohlfahrtsverband · Hagen",
        "Die Diakonie Beispielstadt beschäftigt 2.300 Menschen in der Pflege.",
        "Neun unserer 14 neuen Auszubildenden haben eine Einwanderungsgeschichte.",
    ]
    partners = {partner for partner, _ in _blocks(_brochure(report))}
    assert {"Beispielpflege Nord gGmbH", "Diakonie Beispielstadt gGmbH"} <= partners


def test_stages_and_orchestras_are_named_like_organisations_but_not_what_a_title_is_for():
    """A stage's or an orchestra's name is shaped like an organisation's ("Landesbühne
    Südwestfalen", "Neue Philharmonie Lippe-Weser"); a measure's title that names them as
    what it is for is not ("Diversitätsworkshop für Orchester und Vorstand")."""
    assert org_like("Landesbühne Südwestfalen")
    assert org_like("Neue Philharmonie Lippe-Weser")
    assert org_like("Kammerorchester Schwalm-Nette")
    assert org_like("Stiftung für Vielfalt")
    assert not org_like("Diversitätsworkshop für Orchester und Vorstand")
    assert not org_like("Fortbildung zur Arbeit im Theater")
