"""Synthetic brochures for the split_sections tests: pages, partners and expected blocks.

Every text here is written by the tests themselves; no corpus passage is copied.
"""

from __future__ import annotations

from loaders.clean.repair import clean
from loaders.models import Block, CleanText, SourceText

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
        """(partner, category, first line, last line) of each run of owned lines; a run
        goes on over the empty lines, page numbers and running headers after it."""
        flat = [owner for page in self.owners for owner in page]
        lines = [line for page in self.pages for line in page]
        runs: list[list[int | str]] = []
        for number, owner in enumerate(flat, start=1):
            if owner is None:
                continue
            if runs and runs[-1][0] == owner[0] and runs[-1][1] == owner[1]:
                runs[-1][3] = number
            else:
                runs.append([owner[0], owner[1], number, number])
        for run in runs:
            end = int(run[3])
            while end < len(lines) and _not_text(lines[end]):
                end += 1
            run[3] = end
        return {(str(p), int(c), int(s), int(e)) for p, c, s, e in runs}


def _not_text(line: str) -> bool:
    return not line or is_header(line) or line.isdigit()


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
