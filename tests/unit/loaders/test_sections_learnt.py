"""The learnt heading classifier: names that open reports in a layout no rule reads.

Every text here is written by the tests themselves; no reference passage is copied.
"""

from __future__ import annotations

from pathlib import Path

from loaders.clean.repair import clean
from loaders.learn.crf import HEADING_PARAMS, train_model
from loaders.learn.training import heading_items
from loaders.models import CleanText, SourceText
from loaders.sections.blocks import split_sections
from loaders.sections.chapters import find_chapters, page_starts
from loaders.sections.headings import partner_headings
from loaders.sections.learnt import (
    HEADING,
    HEADING_MODEL,
    OTHER,
    candidate_features,
    report_candidates,
)

_INTRO = [
    "Gemeinsam für ein offenes Beispielland",
    "Berichte der Mitglieder des Bündnisses 2024",
    "",
    "Vorwort",
    "",
    "Seit fünf Jahren arbeiten in unserem Bündnis Verwaltungen, Unternehmen und Vereine",
    "daran, dass alle Menschen in der Region gute Chancen auf Arbeit und Teilhabe haben.",
    "In diesem Heft berichten die Mitglieder selbst, was sie im vergangenen Jahr erreicht",
    "haben und was sie sich für das kommende Jahr vornehmen.",
    "",
]


def _report(partner: str, topic: str) -> list[str]:
    """A partner's report in the brochure's form: its name in capitals over a line that
    says what the report is about, then prose that names the partner again."""
    return [
        "",
        partner.upper(),
        topic,
        "",
        f"Die {partner} ist seit 2019 Mitglied des Bündnisses und hat im Berichtsjahr",
        "ihre Stellenausschreibungen überarbeitet. Sie sprechen nun ausdrücklich Menschen",
        "mit Einwanderungsgeschichte an, und die Auswahlgremien wurden vorher geschult.",
        "",
        "Außerdem bieten wir unseren Beschäftigten jedes Jahr eine Fortbildung zur",
        "interkulturellen Kompetenz an, an der im Berichtsjahr vierzig Personen teilnahmen.",
        f"Für das kommende Jahr plant die {partner} eine Befragung ihrer Beschäftigten.",
    ]


_PARTNERS = [
    ("Stadtverwaltung Beispielstadt", "Neue Wege in die Ausbildung"),
    ("Kreissparkasse Musterland", "Beratung in vielen Sprachen"),
    ("Handwerkskammer Beispielland", "Betriebe und Geflüchtete zusammenbringen"),
    ("Volkshochschule Musterstadt", "Sprachkurse am Arbeitsplatz"),
]


def _text(lines: list[str]) -> CleanText:
    return clean(SourceText("t.txt", "t.txt", tuple(lines), (None,) * len(lines), "0"))


def _brochure() -> list[str]:
    return [*_INTRO, *(line for p, t in _PARTNERS for line in _report(p, t))]


def _model_of_one_form(tmp_path: Path) -> Path:
    """A heading model trained on another brochure of the same form, its reports as a
    reference gives them: what the classifier learns from one layout, it reads in the next
    brochure of that layout (the committed model's reading of this synthetic form moves
    with every reference it is trained on)."""
    others = [
        ("Stadtwerke Musterhausen", "Ausbildung ohne Hürden"),
        ("Caritasverband Beispielkreis", "Beratung vor Ort"),
        ("Landratsamt Musterkreis", "Service in vielen Sprachen"),
        ("Industrie- und Handelskammer Musterland", "Betriebe beraten"),
        ("Jobcenter Beispielstadt", "Wege in Arbeit"),
    ]
    lines = [*_INTRO, *(line for p, t in others for line in _report(p, t))]
    at = {line: n for n, line in enumerate(lines, start=1)}
    starts = [at[p.upper()] + 1 for p, _ in others]
    ends = [s - 3 for s in starts[1:]] + [len(lines)]
    reference = {
        "blocks": [
            {"partner": p, "start": start, "end": end}
            for (p, _), start, end in zip(others, starts, ends, strict=True)
        ]
    }
    path = tmp_path / "heft.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    same = lambda a, b: a.casefold() == b.casefold()  # noqa: E731
    model = tmp_path / "headings.crfsuite"
    train_model(heading_items(path, reference, same), model, HEADING_PARAMS)
    return model


def test_reports_under_names_in_one_form_are_blocks_of_no_field(tmp_path: Path) -> None:
    """No chapter of a field and no cue a rule reads (no web address, quotation or
    repeated line below the names): the classifier reads the names that share one form
    and each opens its partner's report, up to the next name."""
    lines = _brochure()
    blocks = split_sections(_text(lines), heading_model=_model_of_one_form(tmp_path))
    at = {line: n for n, line in enumerate(lines, start=1)}
    assert [(b.partner, b.category) for b in blocks] == [(p, None) for p, _ in _PARTNERS]
    for block, (partner, _) in zip(blocks, _PARTNERS, strict=True):
        assert block.start == at[partner.upper()] + 1


def test_the_titles_of_a_brochures_own_parts_open_no_report(tmp_path: Path) -> None:
    """ "INHALT" and "IMPRESSUM" set in the form of the partners' names, each over a line
    and a paragraph like a report: they name parts of the brochure, never a partner, so
    the contents and the imprint are nobody's report."""
    parts = [
        "",
        "INHALT",
        "Was in diesem Heft steht",
        "",
        "Die Berichte der Mitglieder folgen in der Reihenfolge, in der sie dem Bündnis",
        "beigetreten sind, und jeder Bericht nennt am Ende eine Ansprechperson.",
    ]
    imprint = [
        "",
        "IMPRESSUM",
        "Herausgeber und Gestaltung",
        "",
        "Die Geschäftsstelle des Bündnisses hat dieses Heft im Frühjahr herausgegeben",
        "und in einer Auflage von fünfhundert Stück drucken lassen.",
    ]
    lines = [*_INTRO, *parts, *(line for p, t in _PARTNERS for line in _report(p, t)), *imprint]
    blocks = split_sections(_text(lines), heading_model=_model_of_one_form(tmp_path))
    assert [b.partner for b in blocks] == [p for p, _ in _PARTNERS]


def test_a_press_release_and_a_report_with_numbered_sections_have_no_blocks() -> None:
    """Names on lines of their own that open no reports: a press release's contacts and
    a single report's own sections."""
    press = [
        "Neues Bündnis für Ausbildung in Beispielstadt",
        "",
        "Die Stadt Beispielstadt, die Agentur für Arbeit Musterland und die",
        "Handwerkskammer Beispielland haben am Montag eine Vereinbarung unterzeichnet.",
        "Gemeinsam wollen sie mehr junge Geflüchtete in eine Ausbildung bringen.",
        "",
        "Pressekontakt",
        "Stadt Beispielstadt",
        "Amt für Kommunikation",
        "Marktplatz 1",
    ]
    sections = [
        "Jahresbericht 2024 der Integrationsstelle",
        "",
        *(
            line
            for n, title in enumerate(["Ausgangslage", "Netzwerk Integration", "Ehrenamt"], 1)
            for line in [
                f"{n} {title}",
                "Im Berichtsjahr haben wir unsere Arbeit fortgesetzt und ausgebaut. Dazu",
                "gehörten Beratungen, Veranstaltungen und Treffen mit unseren Partnern in",
                "der Stadt. Viele Anfragen kamen von Vereinen und Schulen aus der Region.",
                "Für das nächste Jahr planen wir weitere Angebote in einfacher Sprache.",
                "",
            ]
        ),
    ]
    assert split_sections(_text(press)) == ()
    assert split_sections(_text(sections)) == ()


def test_a_brochure_without_a_heading_model_has_no_blocks(tmp_path: Path) -> None:
    """Without the model file the classifier reads nothing: no chapters, no blocks."""
    assert split_sections(_text(_brochure()), heading_model=tmp_path / "none") == ()


def test_candidates_of_one_form_share_its_size_and_spacing() -> None:
    text = _text(_brochure())
    pages = page_starts(text)
    found = report_candidates(text, pages)
    features = candidate_features(text, pages, found)
    names = {h.name: f for (h, _), f in zip(found, features, strict=True)}
    for partner, _ in _PARTNERS:
        f = names[partner]
        assert (f["case"], f["below"], f["form"], f["named_below"]) == (
            "capitals",
            "title",
            "<6",
            "all",
        )


def test_training_labels_a_name_next_to_its_partners_block(tmp_path: Path) -> None:
    """A candidate that names the partner of a reference block it stands in or next to
    is a heading; any other candidate, and every one of a text without blocks, is none."""
    lines = _brochure()
    path = tmp_path / "heft.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    at = {line: n for n, line in enumerate(lines, start=1)}
    first, second = _PARTNERS[0][0], _PARTNERS[1][0]
    reference = {
        "blocks": [
            {"partner": first, "start": at[first.upper()] + 1, "end": at[second.upper()] - 1},
        ]
    }
    same = lambda a, b: a.casefold() == b.casefold()  # noqa: E731
    labels = {
        x[0]["below"] + str(n): y[0]
        for n, (x, y) in enumerate(heading_items(path, reference, same))
    }
    assert sorted(labels.values()).count(HEADING) == 1
    assert set(labels.values()) == {HEADING, OTHER}
    assert {y[0] for _, y in heading_items(path, {}, same)} == {OTHER}
    assert HEADING_MODEL.is_file()


def test_a_name_before_a_title_on_its_line_is_a_candidate_with_its_separator() -> None:
    """ "Beispielverein e. V.: Begegnung im Quartier" heads a report on one line: the name
    before the colon (or comma, or dash) is a candidate, and the classifier sees which
    separator followed it. A sentence that opens with a name and no separator is none."""
    lines = [
        *_INTRO,
        "Beispielverein e. V.: Begegnung im Quartier",
        "",
        "Caritasverband Musterstadt e. V., Fachdienst Integration",
        "",
        "Stadtwerke Musterstadt – Ausbildung für alle",
        "",
        "Die Stadtwerke Musterstadt bilden seit 2019 junge Geflüchtete aus.",
    ]
    text = _text(lines)
    found = report_candidates(text, page_starts(text))
    named = {h.name: sep for h, sep in found}
    assert named["Beispielverein e. V."] == ":"
    assert named["Caritasverband Musterstadt e. V."] == ","
    assert named["Stadtwerke Musterstadt"] == "–"
    assert not any(name.startswith("Die Stadtwerke") for name in named)


def test_a_name_with_its_town_below_or_after_a_comma_is_one_candidate() -> None:
    """A brochure that sets a partner's town on a line of its own under the name
    ("Beispielklinik" over "Bonn"), or after a comma ("Musterfirma GmbH, Jena"), names the
    partner with its town in the one case and without it in the other. A line below that
    is no town ("Ausbildung") is no part of the name."""
    lines = [
        *_INTRO,
        "Beispielklinik",
        "Bonn",
        "",
        "Die Beispielklinik in Bonn behandelt Menschen in vielen Sprachen.",
        "",
        "Musterfirma GmbH, Jena",
        "",
        "Die Musterfirma bildet seit 2019 junge Geflüchtete aus.",
        "",
        "Stadtverwaltung Beispielstadt",
        "Ausbildung",
        "",
        "Die Stadtverwaltung bildet in zwölf Berufen aus.",
    ]
    text = _text(lines)
    names = {h.name: (h.first, h.last) for h, _ in report_candidates(text, page_starts(text))}
    at = {line: n for n, line in enumerate(lines)}
    assert names["Beispielklinik Bonn"] == (at["Beispielklinik"], at["Bonn"])
    assert names["Musterfirma GmbH"] == (at["Musterfirma GmbH, Jena"],) * 2
    assert names["Stadtverwaltung Beispielstadt"] == (at["Stadtverwaltung Beispielstadt"],) * 2
    assert "Bonn" not in names and "Musterfirma GmbH, Jena" not in names


def test_names_set_over_two_lines_open_their_reports() -> None:
    """The whole brochure in that layout: every report is a block of its partner, the
    name and its town."""
    towns = ["Bonn", "Köln", "Essen", "Düren"]
    lines = list(_INTRO)
    for town in towns:
        lines += [
            "",
            "Beispielklinik",
            town,
            "",
            f"Die Beispielklinik {town} hat im Berichtsjahr ihre Stellenausschreibungen",
            "überarbeitet. Sie sprechen nun ausdrücklich Menschen mit Einwanderungsgeschichte",
            "an, und die Auswahlgremien wurden vorher geschult. Außerdem bieten wir unseren",
            "Beschäftigten jedes Jahr eine Fortbildung zur interkulturellen Kompetenz an.",
            f"Für das kommende Jahr plant die Beispielklinik {town} eine Befragung.",
        ]
    blocks = split_sections(_text(lines))
    assert [b.partner for b in blocks] == [f"Beispielklinik {town}" for town in towns]


def test_field_chapters_whose_names_no_rule_reads_are_read_by_the_classifier() -> None:
    """A brochure grouped by the fields of action that sets each report's title in
    guillemets over the partner's name, a layout the rules do not read (they find no
    report in it): the classifier reads the names, and each report is a block of its
    chapter's field."""
    titles = [
        "Handlungsfeld 1: Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte",
        "Handlungsfeld 2: Fortbildung und interkulturelle Kompetenz",
    ]
    lines = list(_INTRO)
    for field, title in enumerate(titles):
        lines += ["", title]
        for partner, topic in _PARTNERS[2 * field : 2 * field + 2]:
            report = _report(partner, topic)
            report[1:3] = [f"»{topic}«", partner]
            lines += report
    text = _text(lines)
    pages = page_starts(text)
    chapters = find_chapters(text)
    assert partner_headings(text, pages, frozenset(ch.heading[1] for ch in chapters)) == []
    blocks = split_sections(text)
    assert [(b.partner, b.category) for b in blocks] == [
        (partner, 1 + n // 2) for n, (partner, _) in enumerate(_PARTNERS)
    ]
