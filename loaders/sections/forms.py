"""Partner names found by the form their brochure repeats around them.

A brochure prints every partner's name in one form of its own: "Partner: Landkreis
Peine", "3.2 Landeshauptstadt Mainz", "[Logo]  IHK SCHWABEN  ·  Augsburg",
"Jobcenter Landkreis Esslingen | Esslingen am Neckar", "Beitrag 1.1: Stadtreinigung
Hamburg". Each layout rule of :mod:`loaders.sections.headings` knows some of these forms;
a brochure of a new layout brings another. What all of them share is that the form
*recurs*: the same label, number, mark or separator around a different name, once per
report, with the report between, and the report below names its partner again.

So a line is cut at its separators (any symbol a layout prints counts as one), and each
name-shaped piece of it is a possible name; the rest of the line, with digits and the words
after the name made abstract, is its form. A name alone on its line has the short label line
above it as its form ("Verbandsporträt"), if there is one.
A form that at least three lines share, most of them around an organisation's name (under a
label line any name: the label marks the reports), with reports between them that name
their partner, gives the brochure's partner names, however its layout decorates them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from loaders.clean.repair import normalise_line
from loaders.models import CleanText
from loaders.reference import word_alternatives
from loaders.sections.chapters import CHAPTER_LABELS_FILE
from loaders.sections.headings import (
    ARTICLE,
    FUNCTION_WORDS,
    LEGAL_FORM,
    NAME_WORD,
    SHORT_AFTER,
    Heading,
    byline_name,
    from_capitals,
    joined_below,
    joins_above,
    name_shaped,
    org_like,
    spaced_as_reports,
    without_short_form,
)

__all__ = ["named_as", "recurring_form_headings", "without_label"]

_MIN_NAMES = 3  # different names a form gives: fewer are a running header or a signature
_NEAR = 20  # lines below (or above) a name in which its report names the partner again
_MAX_LINE = 110  # characters: a longer line is running text
_MAX_WORDS = 12  # words of a piece in which a name is looked for: a longer one is a sentence
_MAX_PIECE = 40  # characters of a piece after the name: a town, a title, a sector
_MAX_BELOW = 6  # words of a line below that completes a name
_PHRASE = 3  # words of a label phrase before each name ("So engagiert sich …")
_MAX_PHRASE = 5  # more words before a name are a sentence's
# a separator: two spaces or more, or a run of marks, bars, dashes and brackets (a hyphen
# only with spaces around it, so "Main-Kinzig-Kreis" stays one piece)
_SEPARATOR = re.compile(
    r"((?:\s*(?:[|¦·•:,/–—─━_=()\[\]»«›‹■□●○◆◇►▶➤→+✓#*]+|\s-+(?=\s))\s*|\s{2,})+)"
)
# any other symbol a layout prints as a mark ("✈", "☎", "≫", an angle bracket "⟩") is a
# separator too; not the quotes around a title („ ‚)
_SYMBOLS = {
    c: "•"
    for c in range(0xA0, 0x3000)
    if unicodedata.category(chr(c)) in ("So", "Sm", "Ps", "Pe") and chr(c) not in "+°„‚"
}
_GAP = re.compile(r"[ \t]{3,}")  # a column's gap in the line as printed
_LABEL = "¶N"  # the form of a name under a label line
_OVER = "N¶"  # the form of a name over a label line
_APART = "¶N¶"  # the form of a name between empty lines
_PAGE_NUMBER = re.compile(r"\s\d{1,3}$")
_BYLINE = "byline|N"  # the form of a name in a byline, whatever its label words
# "Angebote in:", or a mark that opens a line of tags ("#Personal #Inklusion")
_SENTENCE_MARK = re.compile(r"[:;!?]")  # a line with one is no name
_FIELD_BELOW = re.compile(r"^(?:([A-ZÄÖÜ][\wäöüß]*(?: [\wäöüß]+){0,2}):(?=\s|$)|(#)(?=\w))")
# a chapter's label as a form prints it ("Handlungsfeld B" over each field's title)
_CHAPTER = re.compile(
    rf"^(?:{word_alternatives(CHAPTER_LABELS_FILE)})\s+(?:9|A|[IVX]{{1,5}})\b", re.IGNORECASE
)
_RUN = re.compile(r"(\S)\1+")  # a rule's length follows the name's: "───" is "─"
_NUMBER = re.compile(r"^(?:\d{1,3}|[IVX]{1,4})(?:[.)]\d{0,3})*\.?\s+(?=\S)")  # "3.2 ", "II. "
_DIGITS = re.compile(r"\d+")
# a code letter ("[W]", "[G]"); not N, which stands for the name in a form
_LETTER = re.compile(r"(?<![\w.])(?!N\b)[A-ZÄÖÜ](?![\w.])")
_ARTICLE_WORDS = frozenset("der die das den dem des".split())
_ARTICLES = re.compile(r"\b(?:" + "|".join(sorted(_ARTICLE_WORDS)) + r")\b")
_LEGAL = frozenset("e. V. e.V. eG gGmbH mbH gAG".split())  # a legal form's lower-case words


@dataclass(frozen=True)
class _Reading:
    """One way to read a line: the name in it and the form around it."""

    line: int
    name: str
    form: str
    # the name set over two lines with the one above ("LVR-Klinik" over "Langenfeld"), and
    # whether the report names it so: what the form's names are if most reports do
    joined: str | None = None
    joined_named: bool = False


def _readings(i: int, line: str) -> list[_Reading]:
    """Every name in a decorated line, each with the line's form around it.

    >>> [(r.name, r.form) for r in _readings(0, "Beitrag 1.1: Stadtreinigung Hamburg")][1]
    ('Stadtreinigung Hamburg', 'Beitrag 9.9|:|N')
    >>> [r.form for r in _readings(0, "[Logo]  IHK SCHWABEN  ·  Augsburg")][1]
    '[|Logo|]|N|·|w'
    >>> [(r.name, r.form) for r in _readings(0, "Was hat die Stadt Celle 2024 bewegt?")]
    [('Stadt Celle', 'Was hat|N|9 bewegt?')]
    """
    if len(line) > _MAX_LINE:
        return []
    if (named := byline_name(line)) is not None:  # "Ein Beitrag der …", "Bericht des …"
        return [_Reading(i, named, _BYLINE)]
    # a short form after the name belongs to it, whether a partner has one or not
    line = SHORT_AFTER.sub("", line.strip()).translate(_SYMBOLS)
    pieces = [p for p in _SEPARATOR.split(line) if p]
    marks = [_separator(p) if _SEPARATOR.fullmatch(p) else "" for p in pieces]
    before = [mark or _abstract(p) for p, mark in zip(pieces, marks, strict=True)]
    after = [mark or "w" for mark in marks]
    out = []
    for k, piece in enumerate(pieces):
        if marks[k] or any(len(p) > _MAX_PIECE for p in pieces[k + 1 :]):
            continue  # (a sentence goes on after the name)
        for lead, name, trail in _names_in(piece):
            # what follows the first separator after the name is one abstract word: a
            # title ("Helfen, solange es nötig ist") has as many commas as it likes
            rest = (*after[k + 1 : k + 2], "w") if k + 2 < len(pieces) else after[k + 1 :]
            form = "|".join(f for f in (*before[:k], lead, "N", trail, *rest) if f)
            if form != "N":  # a bare name: the layout rules read those
                out.append(_Reading(i, without_short_form(name), form))
    return out


def _under_label(text: CleanText, i: int) -> list[_Reading]:
    """A name alone on its line right under a short label line ("Verbandsporträt",
    "Partner 3"): the label is the form, as a label before the name on its line is. A line
    above shaped like an organisation's name may be the name's first line instead
    ("Beispielklinik" over "Bonn"): :func:`_set_over_two_lines` decides for the form."""
    if i == 0 or text.noise[i - 1]:
        return []
    name, above = text.lines[i].strip(), text.lines[i - 1].strip()
    if len(above) > _MAX_PIECE or not any(c.isalpha() for c in above):
        return []  # (a rule above a heading is no label)
    if not name_shaped(name) or ARTICLE.match(name):
        return []
    form = _abstract(_RUN.sub(r"\1", above)) + _LABEL
    bare = without_short_form(name)
    whole = f"{above} {bare}"
    if org_like(above) and name_shaped(whole):
        return [_Reading(i, bare, form, joined=whole, joined_named=_named_whole(text, i, whole))]
    return [_Reading(i, bare, form)]


def _over_label(text: CleanText, i: int) -> list[_Reading]:
    """A name alone on its line right over a line that opens with a short label
    ("Angebote in: Deutsch · Türkisch", "Branche: Logistik") or with a tag
    ("#Migrationsgeschichte #Zeitzeugen"): the label, or the tag's mark, is the form. A
    short form in brackets may stand on a line of its own between the name and the label."""
    if i + 1 >= len(text.lines) or text.noise[i + 1]:
        return []
    name = text.lines[i].strip()
    label = _FIELD_BELOW.match(text.lines[i + 1].strip())
    if label is None:
        return []
    if i and SHORT_AFTER.fullmatch(f" {name}") and _titled(text.lines[i - 1].strip()):
        name = f"{text.lines[i - 1].strip()} {name}"  # its short form on a line of its own
    if not _titled(name) or ARTICLE.match(name):
        return []
    mark = label.group(2) or _abstract(label.group(1)) + ":"
    return [_Reading(i, without_short_form(name), _OVER + mark)]


def _set_apart(text: CleanText, i: int) -> list[_Reading]:
    """A name alone on its line with an empty line above and below it: the spacing is
    the form ("Gesamtpersonalrat der Stadt Hamm" set apart over each report, where a
    report's own sub-headings stand right over their text)."""
    if not 0 < i < len(text.lines) - 1 or text.lines[i - 1] or text.lines[i + 1]:
        return []
    name = text.lines[i].strip()
    if not name_shaped(name) or ARTICLE.match(name) or _PAGE_NUMBER.search(name):
        return []  # (a running header with its page's number is set apart too)
    return [_Reading(i, without_short_form(name), _APART)]


def _titled(line: str) -> bool:
    """Whether a line may be a name set over a label, looser than :func:`name_shaped`: a
    name's own words may be lower case ("proWerk – Werkstätten der …", "Hochschule
    Bielefeld – University of Applied Sciences"), the label below vouches for the line."""
    words = line.split()
    return (
        3 <= len(line) <= _MAX_PIECE * 2
        and len(words) <= _MAX_WORDS
        and any(c.isupper() for c in words[0])
        and not _SENTENCE_MARK.search(line)
        and (not line.endswith((".", ",")) or LEGAL_FORM.search(line) is not None)
    )


def _set_over_two_lines(alike: list[_Reading]) -> list[_Reading]:
    """A form's names with the line above each, where the reports name most of them so:
    "LVR-Klinik" over each town is the first line of every name, a label line over each
    name ("Mitgliedsverband") is named by no report together with the name."""
    if 2 * sum(r.joined_named for r in alike) <= len(alike):
        return alike
    return [replace(r, name=r.joined) if r.joined else r for r in alike]


def _named_whole(text: CleanText, i: int, whole: str) -> bool:
    """Whether the lines below line ``i`` name ``whole``, its words together: the report of
    "LVR-Klinik" over "Langenfeld" speaks of "der LVR-Klinik Langenfeld"; under a label
    ("Mitgliedsverband" over "Caritas Köln") the report does not name the label with it."""
    below = " ".join(" ".join(text.lines[i + 1 : i + 1 + _NEAR]).split()).casefold()
    return whole.casefold() in below


def _names_in(piece: str) -> list[tuple[str, str, str]]:
    """The names a piece of a line may give, each with the words the layout prints
    before and after it ("3.2", "Was hat die … 2024 bewegt?"), made abstract: the piece
    itself, else the longest name from each of its capitalised words."""
    number = _NUMBER.match(piece)
    bare = piece[number.end() :] if number else piece
    name = from_capitals(bare.strip())
    if name_shaped(name) and not ARTICLE.match(name):
        return [(_abstract(number.group().strip()) if number else "", name, "")]
    words = piece.split()
    if len(words) > _MAX_WORDS:
        return []
    out = []
    run_end = 0  # a name's words run to the first lower-case word but "der", "für", "und"
    for start in range(len(words)):
        if run_end <= start:
            run_end = start
            while run_end < len(words) and _in_name(words[run_end]):
                run_end += 1
        if not words[start][:1].isupper():
            continue
        for end in range(min(run_end, len(words) - (start == 0)), start, -1):
            name = " ".join(words[start:end])
            if words[end - 1].isdigit() or not (org_like(name) or _after_phrase(words, start, end)):
                continue
            if name_shaped(name) and not ARTICLE.match(name):
                lead, trail = " ".join(_phrase_of(words[:start])), " ".join(words[end:])
                out.append((_abstract(lead), name, _abstract(trail)))
                break
    return out


def _phrase_of(lead: list[str]) -> list[str]:
    """The words before a name without the article that ends a phrase there: "So
    engagiert sich die IG BCE" and "So engagiert sich MigrAr" print one form."""
    if len(lead) >= _PHRASE and lead[-1].lower() in _ARTICLE_WORDS:
        return lead[:-1]
    return lead


def _after_phrase(words: list[str], start: int, end: int) -> bool:
    """Whether a name that is no organisation's by its words ("MigrAr", "Arbeit und Leben
    Hamburg") ends its piece after a phrase of a few words (``_PHRASE`` to ``_MAX_PHRASE``):
    a label the layout prints before every partner's name ("So engagiert sich …")."""
    return end == len(words) and _PHRASE <= len(_phrase_of(words[:start])) <= _MAX_PHRASE


def _in_name(word: str) -> bool:
    """Whether a word may stand inside a name: capitalised, a number, "der", "für",
    "und", or a legal form's ("e. V.", "eG")."""
    return word[:1].isupper() or word[:1].isdigit() or word in FUNCTION_WORDS or word in _LEGAL


def _abstract(words: str) -> str:
    """Words around a name as its form shows them: digits, articles and single capital
    letters made abstract ("Was hat die … 2024 bewegt?" and "Was hat das … 2025 bewegt?"
    are one form, and so are "[W] …" and "[G] …", a code of the partner's kind)."""
    return _ARTICLES.sub("d-", _DIGITS.sub("9", _LETTER.sub("A", words)))


def _phrase_before(form: str) -> bool:
    """Whether a form prints a phrase of words before the name and nothing after it."""
    lead, _, trail = form.partition("N")
    words = [w for w in lead.replace("|", " ").split() if w.isalpha()]
    return not trail and len(words) >= _PHRASE


def _separator(piece: str) -> str:
    """A separator as a form shows it: its marks, or a gap, whatever their length."""
    return _RUN.sub(r"\1", "".join(piece.split())) or "_"


def _words(name: str) -> set[str]:
    return {w.lower() for w in NAME_WORD.findall(LEGAL_FORM.sub("", name))}


def _named(text: CleanText, reading: _Reading, common: set[str], step: int) -> bool:
    """Whether the lines below a name (``step`` 1) or above it (-1) name it again, half
    its own words at least (not those most names of its form share, as a town): the
    report about its partner."""
    words = _words(reading.name) - common or _words(reading.name)
    i = reading.line
    lo, hi = (i + 1, i + 1 + _NEAR) if step > 0 else (max(0, i - _NEAR), i)
    near = " ".join(text.lines[lo:hi]).lower()
    return bool(words) and 2 * sum(w in near for w in words) >= len(words)


def _common(alike: list[_Reading]) -> set[str]:
    """The words that half the names of a form or more share ("Osnabrück")."""
    counts = Counter(w for r in alike for w in _words(r.name))
    return {w for w, n in counts.items() if 2 * n >= len(alike)}


def _with_gaps(text: CleanText, i: int) -> str:
    """Line ``i`` as cleaned, with the wide gaps it was printed with where cleaning
    changed nothing else: "1.1 | DGB-Region Braunschweig-Harz      Braunschweig" sets the
    town apart from the name, as a separator does.

    >>> from loaders.models import SourceText
    >>> raw = ("1.1 | Caritas Goslar      Goslar", "Goslar  liegt am Harz")
    >>> source = SourceText("x.txt", "x", raw, (None, None), "")
    >>> cleaned = ("1.1 | Caritas Goslar Goslar", "Goslar liegt am Harz")
    >>> text = CleanText(source, cleaned, (False, False))
    >>> _with_gaps(text, 0), _with_gaps(text, 1)
    ('1.1 | Caritas Goslar  Goslar', 'Goslar liegt am Harz')
    """
    line = text.lines[i]
    raw = text.source.lines[i] if i < len(text.source.lines) else ""
    if not _GAP.search(raw) or normalise_line(raw) != line:
        return line
    return _GAP.sub("  ", raw.strip())


def recurring_form_headings(text: CleanText) -> list[Heading]:
    """The names of the brochure's most recurring decorated form, if one recurs like
    report openings: in three lines or more, mostly around organisations' names, with
    reports between them that name their partners; else none."""
    forms: dict[str, list[_Reading]] = {}
    for i, line in enumerate(text.lines):
        if line and not text.noise[i]:
            for reading in (
                *_readings(i, _with_gaps(text, i)),
                *_under_label(text, i),
                *_over_label(text, i),
                *_set_apart(text, i),
            ):
                forms.setdefault(reading.form, []).append(reading)
    best: tuple[int, int, int] = (0, 0, 0)
    chosen: list[Heading] = []
    for alike in forms.values():
        if len({r.name for r in alike}) < _MIN_NAMES or _CHAPTER.match(alike[0].form):
            continue  # one name again and again: a running header, no reports; chapters
        alike = _set_over_two_lines(alike)
        names = [
            Heading(first=r.line - (r.joined == r.name), last=r.line, name=r.name, form=r.form)
            for r in alike
        ]
        if not spaced_as_reports(names):
            continue
        # a label line above each name marks a report by itself, and so does a phrase
        # before it; a label below each name ("Angebote in: …") may head a project's
        # record as well, and a label on the name's line may be a title's: those need
        # names shaped like organisations'
        over = alike[0].form.startswith(_OVER)
        labelled = alike[0].form.endswith(_LABEL) or over or _phrase_before(alike[0].form)
        vouched = labelled and not over
        orgs = len(alike) if vouched else sum(org_like(r.name) for r in alike)
        common = _common(alike)
        # a byline says whose report follows ("Ein Beitrag der …"): it needs no naming
        byline = alike[0].form == _BYLINE
        below = [byline or _named(text, r, common, 1) for r in alike]
        named = sum(below)
        if 2 * orgs < len(alike) or 2 * named < len(alike):
            continue
        if not byline and sum(_named(text, r, common, -1) for r in alike) >= named:
            continue  # the report above names it: a closing line ("Kontakt: …")
        # the most named, the most lines, then the most words around the name
        if (named, len(alike), len(alike[0].form)) > best:
            best = (named, len(alike), len(alike[0].form))
            # a name set apart that its report names again is marked by its spacing
            apart = alike[0].form == _APART
            chosen = [
                replace(h, labelled=labelled or apart and is_named)
                for h, is_named in zip(names, below, strict=True)
            ]
    return [_over_two_lines(text, h) for h in chosen]


def _over_two_lines(text: CleanText, heading: Heading) -> Heading:
    """A name the line below completes ("P06 · KURPFÄLZISCHES MUSEUM FÜR ARBEIT" over
    "UND ALLTAG WIESLOCH"): no name opens with the word that opens that line."""
    below = heading.last + 1
    if below >= len(text.lines) or not joins_above(text.lines[below]):
        return heading
    if not text.lines[heading.last].isupper():
        return heading  # a name in running case: the line below is a sentence's
    if len(text.lines[below].split()) > _MAX_BELOW:
        return heading
    name = joined_below(heading.name, text.lines[below])
    return replace(heading, last=below, name=name)


def without_label(read: list[Heading], by_form: list[Heading]) -> list[Heading]:
    """Names read on the lines of a recurring form without the label the form prints
    before or after each of them ("Gate 01 ✈ …", "Gate 02 ✈ …"): what is the same
    around every name, but for its number, is the layout's, not the name's, and so is
    the form itself around one name ("P03 · …" read on a line of the form "P9 · N").
    Where the words around differ ("Jobcenter – Landkreis Göttingen", "Caritasverband –
    Südniedersachsen e. V."), they are part of the names and stay."""
    in_form = {h.first: h for h in by_form}
    longer = {
        h.first: _abstract(h.name.replace(in_form[h.first].name, "N", 1))
        for h in read
        if h.first in in_form
        and in_form[h.first].name in h.name
        and h.name != in_form[h.first].name
    }
    if len(longer) < 2 or len(set(longer.values())) > 1:
        longer = {i: x for i, x in longer.items() if _bare(x) == _bare(in_form[i].form)}
    return [replace(h, name=in_form[h.first].name) if h.first in longer else h for h in read]


def _bare(form: str) -> str:
    """A form without its separators' spacing: "P9 · N" and "P9|·|N" are one."""
    return "".join(form.replace("|", " ").split())


def named_as(by_form: list[Heading], read: list[Heading]) -> list[Heading]:
    """The form's names, each as a reader gave it on the same line: a form cut at its
    separators may cut a name ("Jobcenter – Landkreis Göttingen"); :func:`without_label`
    has already taken a label off the reader's names where the form shows one."""
    by_line = {h.first: h for h in read}
    return [by_line.get(h.first, h) for h in by_form]
