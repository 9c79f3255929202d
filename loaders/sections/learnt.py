"""Partner names that open reports, read by a learnt classifier instead of a layout rule.

Each layout rule in :mod:`loaders.sections.headings` reads the brochures it was written
for: a name over its web address, over a quotation, over a line every report repeats. A
brochure of a new layout sets its partners' names some other way ("STADTBIBLIOTHEK
BEISPIELSTADT" over a line of hashtags, "■ HANDWERKSKAMMER …" after a square). What such
layouts share is not a cue but a *form*: the names stand on lines of their own, in one
typography that recurs with a report of prose between each, and the report below names
its partner again.

So every name-shaped line of a text is a candidate, described by its own shape, the
lines around it and how many candidates of the text share its form; a classifier trained
on the dev references (``vielfalt train``, ``headings.crfsuite``) decides which candidates
open a report. It reads texts whose fields of action the chapter rules do not find.
"""

from __future__ import annotations

from pathlib import Path

import pycrfsuite

from loaders.learn.features import Features
from loaders.models import CleanText
from loaders.sections.chapters import part_title
from loaders.sections.headings import (
    BULLETS,
    LEGAL_FORM,
    MARKS,
    NAME_WORD,
    PROSE_LINE,
    QUOTATION,
    WEB_ADDRESS,
    Heading,
    above_profile,
    heading_candidates,
    names_before_titles,
    org_like,
    recurring_lines,
)

__all__ = [
    "HEADING_MODEL",
    "HEADING",
    "candidate_features",
    "learnt_headings",
    "report_candidates",
]

HEADING_MODEL = Path(__file__).parents[1] / "learn" / "headings.crfsuite"
HEADING, OTHER = "H", "O"
# the probability from which a candidate opens a report: the best block lines of the dev
# brochures held out by fold that split no dev text without blocks (bench/heading_folds.py)
HEADING_THRESHOLD = 0.2
_AROUND = 20  # lines below (or above) a name in which its report names the partner again
_WITH_FORM = ("case", "org")  # read with the form's size


def _line_kind(line: str, recurring: frozenset[str]) -> str:
    """What a line next to a candidate is, in the few kinds a layout shows."""
    if not line:
        return "none"
    if WEB_ADDRESS.match(line):
        return "web"
    if QUOTATION.match(line):
        return "quote"
    if line in recurring:
        return "repeated"
    if line[:1] == "#":
        return "tags"
    if line[:1] in BULLETS or line[:1] in MARKS:
        return "bullet"
    if line[:1].islower():
        return "lower"
    letters = [c for c in line if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return "capitals"
    if len(line) >= PROSE_LINE:
        return "prose"
    return "sentence" if line.endswith((".", "!", "?", ":")) else "title"


def _neighbour_line(text: CleanText, i: int, step: int) -> tuple[str, int]:
    """The nearest text line up or down (page furniture skipped) and how many empty
    lines stand between (2 meaning two or more)."""
    blanks = 0
    j = i + step
    while 0 <= j < len(text.lines):
        if text.lines[j] and not text.noise[j]:
            return text.lines[j], min(blanks, 2)
        blanks += 1
        j += step
    return "", min(blanks, 2)


def _prefix(source_line: str) -> str:
    """The mark a layout sets before a name: a square, a bullet, a number, or none."""
    head = source_line.strip()[:1]
    if not head or head.isalpha():
        return "none"
    return "digit" if head.isdigit() else "mark"


def _named_near(text: CleanText, h: Heading, step: int) -> str:
    """Whether the text below (``step`` 1) or above (-1) the name names it again: all its
    words, some, or none."""
    words = {w.lower() for w in NAME_WORD.findall(h.name)}
    if not words:
        return "none"
    lo, hi = (h.last + 1, h.last + 1 + _AROUND) if step > 0 else (h.first - _AROUND, h.first)
    near = " ".join(text.lines[max(0, lo) : hi]).lower()
    found = sum(1 for w in words if w in near)
    return "all" if found == len(words) else "some" if found else "none"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    return next((f"<{e}" for e in edges if n < e), f">={edges[-1]}")


_QUOTES = '„“"»«'  # quotation marks: a name holding one is quoted


def report_candidates(text: CleanText, pages: list[bool]) -> list[tuple[Heading, str]]:
    """Every line that may open a report, in text order, with what follows the name on its
    line: "" for a name on a line of its own, else the separator before a title or place
    ("Beispielverein e. V.: Begegnung im Quartier")."""
    alone = [(h, "") for h in heading_candidates(text, pages)]
    taken = {i for h, _ in alone for i in range(h.first, h.last + 1)}
    then = [(h, sep) for h, sep in names_before_titles(text) if h.first not in taken]
    return sorted(alone + then, key=lambda c: c[0].first)


def candidate_features(
    text: CleanText, pages: list[bool], found: list[tuple[Heading, str]]
) -> list[Features]:
    """The features of each candidate: its shape, its neighbours, and its form's share of
    the text (how many candidates look alike, and how far apart they stand)."""
    recurring = recurring_lines(text)
    own: list[Features] = []
    for h, sep in found:
        above, blank_above = _neighbour_line(text, h.first, -1)
        below, blank_below = _neighbour_line(text, h.last, 1)
        source = text.source.lines[h.first]
        letters = [c for c in source if c.isalpha()]
        f: Features = {
            "bias": 1.0,
            "case": "capitals" if all(c.isupper() for c in letters) else "mixed",
            "org": "yes" if org_like(h.name) else "no",
            "legal": "yes" if LEGAL_FORM.search(h.name) else "no",
            "words": _bucket(len(h.name.split()), (2, 3, 4, 7)),
            "lines": str(h.last - h.first + 1),
            "prefix": _prefix(source),
            "indent": "yes" if source[:1].isspace() else "no",
            "blank_above": str(blank_above),
            "blank_below": str(blank_below),
            "above": _line_kind(above, recurring),
            "below": "profile" if above_profile(text, h) else _line_kind(below, recurring),
            "named_below": _named_near(text, h, 1),
            "named_above": _named_near(text, h, -1),
            "page_top": "yes" if any(pages[max(0, h.first - 2) : h.first + 1]) else "no",
            "labelled": "yes" if h.labelled else "no",
            "quoted": "yes" if any(q in h.name for q in _QUOTES) else "no",
            "start": "yes" if h.first < 5 else "no",
            "then": sep or "none",
        }
        own.append(f)
    # a layout's form: the name's case and mark, what follows it on its line, an empty line
    # above, the line below
    forms = [
        f"{f['case']}|{f['prefix']}|{f['then']}|{f['blank_above'] != '0'}|{f['below']}" for f in own
    ]
    groups: dict[str, list[int]] = {}
    for n, form in enumerate(forms):
        groups.setdefault(form, []).append(n)
    shared: dict[str, Features] = {}
    for form, alike in groups.items():
        pairs = zip(alike, alike[1:], strict=False)
        gaps = sorted(found[b][0].first - found[a][0].last for a, b in pairs)
        org_share = sum(own[k]["org"] == "yes" for k in alike) / len(alike)
        shared[form] = {
            "form": _bucket(len(alike), (2, 3, 6)),
            "form_gap": _bucket(gaps[len(gaps) // 2], (1, 4, 8, 20)) if gaps else "alone",
            "form_org": "most" if org_share >= 0.5 else "few",
        }
    out: list[Features] = []
    for f, form in zip(own, forms, strict=True):
        group = shared[form]
        size = group["form"]
        both = {f"{k}&form": f"{f[k]}|{size}" for k in _WITH_FORM}
        out.append({**f, **group, **both, "form&gap": f"{size}|{group['form_gap']}"})
    return out


def learnt_headings(text: CleanText, pages: list[bool], tagger: pycrfsuite.Tagger) -> list[Heading]:
    """The candidates the classifier takes for names that open a partner's report."""
    found = report_candidates(text, pages)
    if not found:
        return []
    if HEADING not in tagger.labels():
        return []  # trained on texts without a report
    features = candidate_features(text, pages, found)
    return [
        h
        for (h, _), f in zip(found, features, strict=True)
        # a quotation's line, or the title of a part of the brochure ("Inhalt", "## Impressum")
        if not h.name.startswith(tuple(_QUOTES)) and not part_title(h.name) and _opens(tagger, f)
    ]


def _opens(tagger: pycrfsuite.Tagger, features: Features) -> bool:
    """Whether a candidate opens a report: taken when likely enough, not only when likelier
    than not (a brochure of a new layout leaves the classifier unsure of its names)."""
    tagger.set([features])
    return float(tagger.marginal(HEADING, 0)) >= HEADING_THRESHOLD
