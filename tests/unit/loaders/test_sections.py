"""split_sections: chapters, partner headings and blocks from layout cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.chapters import find_chapters, load_categories
from loaders.clean import clean
from loaders.errors import InputError
from loaders.headings import load_organisation_words
from loaders.models import Block, CleanText, SourceText
from loaders.sections import find_partner_headings, split_sections
from loaders.sources import iter_source_files, read_source

CORPUS = Path(__file__).parents[3].parent / "shared" / "corpus"
BROCHURE = "001_28ce5d2a485659aa.txt"

TITLES = {
    1: "Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte",
    2: "Stärkung der interkulturellen Kompetenz der Beschäftigten",
    3: "Förderung von Chancengerechtigkeit und Teilhabe",
}


def report(partner: str, n: int, category: int = 0) -> list[str]:
    """A few lines of report text that mention nobody in particular."""
    return [
        f"Im Berichtsjahr wurden {n + 10 * category} neue Stellen ausgeschrieben und besetzt.",
        "",
        "Die Ausschreibungen sprechen ausdrücklich Menschen mit",
        "",
        "Einwanderungsgeschichte an, die Verfahren sind kultursensibel.",
        "",
        f"Auch {partner.split()[-1]} beteiligt sich an Messen und Aktionen.",
    ]


class Brochure:
    """Pages of a synthetic brochure plus the partner each line belongs to."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = []
        self.owners: list[list[tuple[str, int] | None]] = []

    def page(self, lines: list[str], owner: tuple[str, int] | None = None) -> None:
        self.pages.append(lines)
        self.owners.append([owner if line and not is_header(line) else None for line in lines])

    def text(self) -> CleanText:
        lines = [line for page in self.pages for line in page]
        pages = tuple(n for n, page in enumerate(self.pages, start=1) for _ in page)
        return clean(SourceText("b.pdf", "b.pdf", tuple(lines), pages, "0"))

    def expected(self) -> set[tuple[str, int, int, int]]:
        """(partner, category, first line, last line) of each run of owned lines."""
        flat = [owner for page in self.owners for owner in page]
        runs: list[list[int | str]] = []
        for number, owner in enumerate(flat, start=1):
            if owner is None:
                continue
            if runs and runs[-1][0] == owner[0] and runs[-1][1] == owner[1]:
                runs[-1][3] = number
            else:
                runs.append([owner[0], owner[1], number, number])
        return {(str(p), int(c), int(s), int(e)) for p, c, s, e in runs}


def is_header(line: str) -> bool:
    """Running headers: a chapter title with its number glued on."""
    return any(line in (f"{n} {t}", f"{t}{n}") for n, t in TITLES.items())


def as_set(blocks: tuple[Block, ...]) -> set[tuple[str, int, int, int]]:
    return {(b.partner, b.category or 0, b.start, b.end) for b in blocks}


def toc() -> list[str]:
    return ["Inhalt", ""] + [f"{n}    {title} – Seite {n * 4}" for n, title in TITLES.items()]


def trailing_brochure() -> Brochure:
    """Headings printed at the top of a page but extracted after the page's text."""
    b = Brochure()
    b.page(["Vorwort", "", "Liebe Leserinnen und Leser, dies ist die Broschüre.", "", "2"])
    b.page(toc())
    partners = ["Stadt Musterhausen", "Kreis Beispielland", "Verein für Vielfalt e. V."]
    for category, title in TITLES.items():
        b.page([title, "", f"Einleitung in das {category}. Handlungsfeld.", "", str(category)])
        header = f"{category} {title}"
        first, second, third = ((p, category) for p in partners)
        b.page([*report(first[0], 1, category), "", first[0], "", header], first)
        b.page([*report(first[0], 2, category), "", f"{title}{category}"], first)  # continued
        b.page(
            [
                *report(second[0], 3, category),
                "",
                second[0],
                "",
                *report(third[0], 4, category),
                "",
                third[0],
            ],
            second,
        )
        # the second partner's page also holds the third partner's report
        last = b.owners[-1]
        cut = b.pages[-1].index(second[0]) + 1
        b.owners[-1] = last[:cut] + [third if o else None for o in last[cut:]]
        b.page(["", header])
    return b


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
    assert as_set(split_sections(b.text())) == b.expected()


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


def two_partner_chapters(middle: list[list[str]], owners: list[list[str | None]]) -> Brochure:
    """Three chapters; the first holds the given pages, the others one short report each."""
    b = Brochure()
    b.page(toc())
    for category, title in TITLES.items():
        b.page([title, "", "Eine kurze Einleitung in das Handlungsfeld.", "", str(category)])
        if category == 1:
            for lines, names in zip(middle, owners, strict=True):
                b.pages.append(lines)
                b.owners.append(
                    [(n, 1) if n and line else None for n, line in zip(names, lines, strict=True)]
                )
            continue
        for partner in ("Stadt Musterhausen", "Kreis Beispielland", "Verein für Vielfalt e. V."):
            b.page([*report(partner, category), "", partner], (partner, category))
    return b


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
    assert "Vielfalt" in lines[texts[v][1] - 1] and "Beispielland" in lines[texts[k][1] - 1]


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


def test_organisation_words_file_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "words.yaml"
    bad.write_text("endings: [Stadt, '']\n", encoding="utf-8")
    with pytest.raises(InputError, match="words.yaml"):
        load_organisation_words(bad)
    assert "verband" in load_organisation_words()
