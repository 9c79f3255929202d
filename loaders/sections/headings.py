"""Find partner headings: the organisation names that mark each partner's report.

A heading is a short stand-alone line shaped like a name (title case, no sentence
punctuation, maybe a legal form such as "e. V."), not a fragment of a sentence. It is kept
when the brochure repeats it (one report per field of action) and it looks like an
organisation, or when it carries an organisation word or legal form and stands at a page
edge. A unit named after a partner's short form ("LVR-Klinikverbund" inside the report
of the "Landschaftsverband Rheinland") is a sub-heading, not a partner.

>>> name_shaped("Caritasverband für den Kreis Unna e. V."), org_like("Kreis Lippe")
(True, True)
>>> org_like("Deutscher Alpenverein, Sektion Mülheim")
True
>>> name_shaped("Die Stellenausschreibungen sprechen Menschen an")
False
>>> name_shaped("Aus- und Fortbildungszentrum für den bremischen öffentlichen Dienst")
True
>>> sorted(initials("Landschaftsverband Rheinland"))
['LR', 'LVR']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from loaders.clean.repair import PICTURE, unspaced
from loaders.clean.textstream import continues_sentence
from loaders.learn.nominative import nominative
from loaders.learn.places import is_place
from loaders.models import CleanText
from loaders.names import SPELLING_WORD, spelt_by
from loaders.reference import (
    BYLINE_LABELS_FILE,
    REFERENCE_DIR,
    load_organisation_words,
    word_alternatives,
)
from loaders.sections.chapters import heading_key, page_starts, part_title

__all__ = [
    "BULLETS",
    "LEGAL_FORM",
    "MARKS",
    "NAME_WORD",
    "PROSE_LINE",
    "QUOTATION",
    "WEB_ADDRESS",
    "byline_name",
    "Heading",
    "above_profile",
    "heading_candidates",
    "names_before_titles",
    "org_like",
    "recurring_lines",
    "find_partner_headings",
    "initials",
    "joined_below",
    "joins_above",
    "paragraphs",
    "partner_headings",
    "spaced_as_reports",
    "subheading",
]

FUNCTION_WORDS = frozenset(
    "der die das des den dem für in im von vom und zu zur zum an am auf bei aus mit & / - –".split()
)
LEGAL_FORM = re.compile(r"\b(e\.\s?V\.|g?GmbH|mbH|g?AG|KGaA|KG|eG|SE|AöR|KdöR)(?=\s|$)")
PARTNER_LABELS_FILE = REFERENCE_DIR / "partner_labels.yaml"


_ORG_ENDINGS = load_organisation_words()  # head words that organisation names end with
ARTICLE = re.compile(r"(Der|Die|Das|Den|Dem|Des) ")
# a sentence's opening, a preposition and its article ("Mit dem Ressort Zuwanderung …",
# "Gemeinsam mit dem …"; "Auf einen Blick", a box's label) or "Als" and a noun: no name
# opens so ("Von der Heydt-Museum" does, so "von" is not among them)
_PREPOSITION_ARTICLE = re.compile(
    r"(?:(?:Gemeinsam |Zusammen )?[Mm]it|Bei|Für|In|Im|Zu|An|Auf|Aus|Nach|Seit|Über|Unter|Durch) "
    r"(?:der|die|das|des|den|dem|ein|eine|einen|einem|einer) "
    r"|Als [A-ZÄÖÜ]"  # "Als Mitgliedsgemeinde der …", a clause
)
# a legal form alone, maybe set in capitals, and a short form after it ("E. V. (LEV NRW)")
_LEGAL_TAIL = re.compile(r"([eE]\.\s?V\.|g?GmbH|g?AG|KG|eG)( \(\w+(?: \w+)?\))?")
_SENTENCE_BREAK = re.compile(r"[a-zäöüß]{3,}[.] [A-ZÄÖÜ]")
BULLETS = "•·▪>*–-"
PROSE_LINE = 60  # characters: a line of running text, not a title or a list item
NAME_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")  # a name's words that its report repeats
_MIN_REPORTS = 3  # names of one form that open reports: fewer are no layout
_MIN_REPORT_LINES = 8  # lines from one such name to the next, as a median
_MAX_WORDS = 14  # "Zentrum für Interkulturelles Management und Diversity der Hochschule Bremen"
_ADJECTIVE = re.compile(r"[a-zäöüß]{3,}(?:e|en|er|es|em)")
_POSTCODE = re.compile(r"\b\d{5}\s+[A-ZÄÖÜ]")
# a partner's name with its town after a bar or a dot ("Stadt Filderstadt | Filderstadt"),
# maybe more short facts after it ("Stadtwerke X GmbH · Pirna · 410 Beschäftigte"), or with a
# label after a drawn rule ("STADT KASSEL ──────── Modellregion Integration")
_PLACE_AFTER = re.compile(
    r"\s+[|·]\s+[A-ZÄÖÜ][a-zäöüß.-]+(?:\s+(?:a\.|am|an|der|im|in|[A-ZÄÖÜ][\w.-]+)){0,3}"
    r"(?:\s+[|·]\s+[^|·\s]+(?:\s[^|·\s]+){0,3})*$"
    r"|\s*[─━]{3,}.*$"
)
# a line of short facts after dots or bars ("Partner seit 2016 · Träger der Altenhilfe · Herne")
_FACTS = re.compile(r"^\s*[^·|\s][^·|]{0,40}(?:\s[·|]\s[^·|]{1,40}){2,}$")
# the town after a comma ("Beispiel GmbH, Jena"): a place of the reference list only, for
# a comma may also open a title or a unit ("Caritasverband X e. V., Fachdienst Y")
_PLACE_AFTER_COMMA = re.compile(r",\s+(?P<place>[A-ZÄÖÜ][^,]{1,40})$")
# a short form before the full name ("KVB – Kölner Verkehrs-Betriebe AG", "BG BAU – …") or
# after it in brackets ("Berliner Feuerwehr (BF)"): the name is the full one, as a
# reference writes it
_SHORT_BEFORE = re.compile(r"^(?P<short>\S{2,20}(?: [A-ZÄÖÜ0-9]\S{0,9})?)\s+[–—]\s+(?P<name>\S.*)$")
SHORT_AFTER = re.compile(r"\s+\((?P<short>[^()\s]*[A-ZÄÖÜ][^()\s]*[A-ZÄÖÜ][^()]{0,16})\)$")
# a partner's section numbered under its chapter ("3.2 Landeshauptstadt Mainz", "II.1 …")
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})(?:\.\d{1,2})+\.?\s+(?=[A-ZÄÖÜ])")
# a profile's entry below a partner's name: a short label, then a colon or a run of spaces
# ("Sitz: Wiesbaden", "Branche        Automobilindustrie", "      Kurzprofil  Futsal-Verein")
_PROFILE_ENTRY = re.compile(r"^\s*[A-ZÄÖÜ][\w-]*(?: [\w-]+)?(?::\s+|\s{2,})\S")
# a picture's placeholder or a drawn mark before the name beside it ("[Logo] STADT CELLE",
# "■ HANDWERKSKAMMER …"; a list's bullets are no such mark)
MARKS = "■□●○◆◇►▶»›➤→"  # drawn before a name by a layout (with a space after it)
_PICTURE_BEFORE = re.compile(rf"^(?:{PICTURE.pattern}|[{MARKS}])\s+(?=\S)")
_NOT_MARKS = BULLETS + "|¦<=~"  # symbols a list or a table draws
_SYMBOL_BEFORE = re.compile(r"^(?P<mark>\S)\s+(?=\S)")
# the field a report belongs to, as a number in a circle after the name ("Stadtreinigung
# Dresden GmbH ③")
_FIELD_AFTER = re.compile(r"\s+[\u2460-\u2468\u2776-\u277e\u2780-\u2788\u278a-\u2792]$")
# a report signed at its end by its author ("— Polizei Hamburg, Personalabteilung"): an em
# dash (a list's dash is shorter) and the name, its unit after a comma
_SIGNATURE = re.compile(r"^[—―]\s+(?P<name>[^,]+)(?:,\s+[^,]+)?$")
# columns of a table-like line, as the source sets them: one wide gap makes the narrower
# ones gaps too ("ARBEITER-SAMARITER-BUND E. V.  Wohlfahrtsverband      seit 2016")
_WIDE_GAP = re.compile(r"\S\s{3,}\S")
_COLUMN_GAP = re.compile(r"\s{2,}")
# a quotation on a line of its own: »…«, „…“, "…"
QUOTATION = re.compile(r"^\s*[»„\"“«].{8,}[«“\"”»]\s*$")
# a name closed by its legal form, then a unit after a dash: "ASC Loope e. V. – Abteilung Fußball"
_UNIT_AFTER_DASH = re.compile(rf"^(?P<name>.+?{LEGAL_FORM.pattern})\s+[–—]\s+\S")
# a web address on a line of its own: "www.vmdo.de", "ratderreligionenstuttgart.wordpress.com"
WEB_ADDRESS = re.compile(r"^\s*(?:https?://)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?\s*$")
_SENTENCE_OPENERS = frozenset(
    "Der Die Das Den Dem Des Wir Sie Er Es Ihr Unser Unsere Seit Im In Mit Auch".split()
)
_NOT_A_NAME = re.compile(r"^[•·▪*>\-–—(\d]|https?:|www\.|@|\||[:!?;]|[,]$")


def _is_mark(char: str) -> bool:
    """Whether a character a line opens with is a symbol the layout draws ("+ Klinikum
    Hellweg gGmbH", "✓ Stadt Celle"), not a list's bullet (">") or a table's bar; the
    ``MARKS`` are read as labels by :func:`_layout_off`.

    >>> _is_mark("+"), _is_mark("✓"), _is_mark("•"), _is_mark(">"), _is_mark("|"), _is_mark("■")
    (True, True, False, False, False, False)
    """
    return (
        char not in MARKS and char not in _NOT_MARKS and unicodedata.category(char) in {"Sm", "So"}
    )


def _without_mark(line: str) -> str:
    """A line without a symbol a layout draws before it: part of no name, but no label
    of one either, for a layout may draw one before other lines too."""
    if (mark := _SYMBOL_BEFORE.match(line)) and _is_mark(mark["mark"]):
        return line[mark.end() :]
    return line


def _attribute(words: list[str], n: int) -> bool:
    """Whether lower-case ``words[n]`` is an adjective inside a name: after an article or
    preposition (or another such adjective) and before a capitalised noun, as in "Aus- und
    Fortbildungszentrum für den bremischen öffentlichen Dienst"."""
    if not _ADJECTIVE.fullmatch(words[n]) or n + 1 >= len(words):
        return False
    before = words[n - 1] if n else ""
    after = words[n + 1]
    return (before.lower() in FUNCTION_WORDS or bool(_ADJECTIVE.fullmatch(before))) and (
        after[:1].isupper() or bool(_ADJECTIVE.fullmatch(after))
    )


_BRANCH_WORDS = 3  # "… e. V. Regionalverband Südostniedersachsen", "… gGmbH Braunschweig"


def _branch_after(words: str) -> bool:
    """Whether the words after a legal form name a branch or a town, capitalised nouns
    and no sentence's article ("Die", "Wir") among them.

    >>> [_branch_after(w) for w in (" Braunschweig", " Regionalverband Süd", " Wir beraten")]
    [True, True, False]
    """
    after = words.split()
    return (
        0 < len(after) <= _BRANCH_WORDS
        and all(w[:1].isupper() and (w.isalpha() or "-" in w) for w in after)
        and after[0] not in _SENTENCE_OPENERS
    )


def name_shaped(line: str) -> bool:
    """Short, title-cased, no sentence punctuation: how organisation names are printed."""
    if not 3 <= len(line) <= 90:
        return False
    words = line.split()
    if len(words) > _MAX_WORDS or words[-1].lower() in FUNCTION_WORDS:
        return False
    if words[0] in FUNCTION_WORDS or _PREPOSITION_ARTICLE.match(line):
        return False  # a name does not start with a preposition or a lower-case article
    if len(words) > 1 and all(w.startswith("#") for w in words):
        return False  # a report's tags ("#Fortbildung #Sprachcafé"), not its partner
    if _NOT_A_NAME.search(line) or _SENTENCE_BREAK.search(line) or _POSTCODE.search(line):
        return False  # (a postcode: a contact's address line)
    legal = LEGAL_FORM.search(line)
    if line.endswith(".") and not legal:
        return False
    named = words[: len(line[: legal.start()].split())] if legal else words
    for n, word in enumerate(named):
        bare = word.strip("„“\"'()/,")
        if not bare or bare.lower() in FUNCTION_WORDS:
            continue
        if not (bare[0].isupper() or bare[0].isdigit() or bare[0] == "#" or legal):
            if not _attribute(named, n):
                return False
    if (
        legal
        and line[legal.end() :].strip(" ()")
        and not re.fullmatch(
            r"\s*(?:\([A-ZÄÖÜ][\w.-]*(?: [\w.-]+){0,2}\)|& Co\. KG(?:aA)?)\s*", line[legal.end() :]
        )
        and not _branch_after(line[legal.end() :])
    ):
        return False  # words after the legal form: a sentence, not a name
    return sum(c.isalpha() for c in line) >= 3


def org_like(name: str) -> bool:
    """Whether a name carries a legal form or a word that organisations are named with."""
    return bool(LEGAL_FORM.search(name)) or _head_word(name)


def _head_word(name: str) -> bool:
    """Whether a word of a name ends in a word that organisations are named with; not a
    word of what the name is for ("Diversitätsworkshop für Orchester und Vorstand")."""
    words = re.split(r"[\s/,]+", re.split(r"\s(?:für|zur|zum)\s", name.lower())[0])
    return any(part.endswith(_ORG_ENDINGS) for word in words for part in word.split("-"))


@dataclass(frozen=True)
class Heading:
    """A partner heading: its (0-based) first and last line and the name it gives."""

    first: int
    last: int
    name: str
    labelled: bool = False  # printed after a label ("Partner: …"): a heading by its layout
    form: str = ""  # the recurring form it was read in ("P9|·|N"), if any (sections/forms)


def spaced_as_reports(headings: list[Heading]) -> bool:
    """Whether names follow each other as reports' openings do: three at least, with text
    between them (a list of partners, one name under the other, opens no reports)."""
    if len(headings) < _MIN_REPORTS:
        return False
    gaps = sorted(b.first - a.last for a, b in zip(headings, headings[1:], strict=False))
    return gaps[len(gaps) // 2] >= _MIN_REPORT_LINES


def find_partner_headings(text: CleanText) -> list[tuple[int, str]]:
    """Partner headings as (1-based line of the heading's last line, name), in order."""
    return [(h.last + 1, h.name) for h in partner_headings(text, page_starts(text))]


def partner_headings(
    text: CleanText, pages: list[bool], titles: frozenset[int] = frozenset()
) -> list[Heading]:
    """Stand-alone organisation names; repeated ones, or ones at a page edge, are kept; a
    part's title is none however often it recurs ("Kontakt" over each report's contact box).

    ``titles``: the last lines of the chapters' titles, which end a paragraph like a
    finished sentence."""
    found = [h for h in heading_candidates(text, pages) if not part_title(h.name)]
    counts = Counter(heading_key(h.name) for h in found)
    recurring = recurring_lines(text)
    kept = []
    for h in found:
        n = counts[heading_key(h.name)]
        org = org_like(h.name)
        single = not ARTICLE.match(h.name) and (
            _above_quotation(text, h)
            or org
            and (
                h.labelled
                or _at_page_edge(text, pages, h)
                or _after_blank(text, h)
                or _before_blank(text, h)
                or _between_paragraphs(text, h, titles)
                or h.first - 1 in titles  # the first report of a chapter, under its title
                or above_profile(text, h)
                or _above_address(text, h)
                or _above_recurring(text, h, recurring)
                or _letter_spaced(text, h)
            )
        )
        if (n >= 2 and (org or n >= 3)) or single:
            kept.append(h)
    if sum(h.labelled for h in kept) >= 2:
        kept = [h for h in kept if h.labelled]  # a brochure that labels its partners labels all
    elif sum(_in_capitals(text, h) for h in kept) >= _CAPITAL_NAMES:
        # a brochure that sets its partners' names in capitals sets all so: a name in
        # capitals that reports once is a partner's too, with no empty line around it
        kept = [h for h in found if h in kept or (_in_capitals(text, h) and org_like(h.name))]
    names = {h.name for h in kept}
    return [h for h in kept if not any(_unit_of(h.name, other) for other in names)]


def _without_profiles(text: CleanText, found: list[Heading]) -> list[Heading]:
    """The candidates without the entries of a profile set below a name ("Gründungsjahr
    1989     Sitz Linden-Nord"), and without a line of facts set below a name ("Anstalt
    des öffentlichen Rechts · Münster · 3.200 Beschäftigte"): they describe the partner
    above them. A line of facts that no organisation's name stands over (a chapter's
    title may) opens a report itself ("Stadtwerke Elbe GmbH · Pirna · 410 Beschäftigte",
    :func:`partner_name_of`)."""
    kept: list[Heading] = []
    above: Heading | None = None  # the last candidate, kept or not
    for h in found:
        line = text.source.lines[h.first]
        describes = (
            above is not None
            and h.first == above.last + 1
            and bool(
                _PROFILE_ENTRY.match(line) or _PLACE_AFTER.search(line) and org_like(above.name)
            )
        )
        if not describes:
            kept.append(h)
        above = h
    return kept


_PARENT_THEN = re.compile(r"\s*[–—,-]\s+\S")  # after the parent's name: its unit


def _unit_of(name: str, parent: str) -> bool:
    """Whether ``name`` is a unit named after the short form of ``parent``.

    "LVR-Klinikverbund" is part of "Landschaftsverband Rheinland" (L-V-R): its heading
    marks a section inside that partner's report, not a partner of its own; so is the
    parent's name with a unit after a dash or comma ("Kreis Soest – Gesundheitsamt").
    """
    folded, own = name.casefold(), parent.casefold()
    if folded.startswith(own) and _PARENT_THEN.match(folded, len(own)):
        return True  # "Kreis Siegen-Wittgenstein – Gesundheitsamt" closing that Kreis's report
    short = re.split(r"[\s-]", name, maxsplit=1)[0]
    if name == parent or not 2 <= len(short) <= 6 or not short.isupper() or short in parent:
        return False
    return short in initials(parent)


def initials(name: str) -> set[str]:
    """Possible initials of a name; a compound may give its head word a letter too.

    "Landschaftsverband Rheinland" -> {"LR", "LVR"}; "Landschaftsverband Westfalen-Lippe"
    -> {"LWL", "LVWL"}.
    """
    return set(_initials(name))


@lru_cache(maxsize=4096)
def _initials(name: str) -> frozenset[str]:
    variants = {""}
    for word in re.split(r"[\s-]+", LEGAL_FORM.sub("", name)):
        if not word or word.lower() in FUNCTION_WORDS or not word[0].isalpha():
            continue
        letters = {word[0].upper()}
        lower = word.lower()
        for ending in _ORG_ENDINGS:
            if len(ending) >= 4 and lower.endswith(ending) and len(lower) > len(ending) + 2:
                letters.add(word[0].upper() + ending[0].upper())
                break
        variants = {v + x for v in variants for x in letters}
    return frozenset(variants)


def heading_candidates(text: CleanText, pages: list[bool]) -> list[Heading]:
    """Lines shaped like an organisation's name that stand on their own: every line that
    may open a partner's report, without the entries of a profile below a name. (The
    layout rules and the classifier both start from them: read once per text.)"""
    return list(_candidates(text, tuple(pages)))


@lru_cache(maxsize=2)
def _candidates(text: CleanText, pages: tuple[bool, ...]) -> tuple[Heading, ...]:
    return tuple(_without_profiles(text, _name_lines(text, list(pages))))


# a name that opens its line, then a title or a place after a colon, comma or dash
# ("Beispielverein e. V.: Begegnung im Quartier", "Caritasverband X e. V., Fachdienst Y")
_NAME_THEN = re.compile(r"^(?P<name>[^:,–—]{3,90}?)(?P<sep>:|,| [–—]) +\S.{0,90}$")


def names_before_titles(text: CleanText) -> list[tuple[Heading, str]]:
    """Lines that open with an organisation's name and go on with a title or a place
    after a colon, comma or dash, each with its separator: how some brochures head a
    report on one line. A sentence that opens with a name is one too; which of them open
    reports is for the classifier of :mod:`loaders.sections.learnt` to decide."""
    out = []
    for i, line in enumerate(text.lines):
        if not line or text.noise[i] or not (m := _NAME_THEN.match(line)):
            continue
        name = from_capitals(m["name"].strip())
        if name_shaped(name) and org_like(name) and not ARTICLE.match(name):
            out.append((Heading(first=i, last=i, name=name), m["sep"].strip()))
    return out


def _name_lines(text: CleanText, pages: list[bool]) -> list[Heading]:
    lines, noise = text.lines, text.noise
    found: list[Heading] = []
    lead_ins = repeated_lead_ins(text)
    i = 0
    while i < len(lines):
        if not lines[i] or noise[i]:
            i += 1
            continue
        heading = _heading_at(text, pages, i, lead_ins)
        if heading is None:
            i += 1
            continue
        found.append(heading)
        i = heading.last + 1
    return found


@lru_cache(maxsize=4)
def _partner_label(path: Path = PARTNER_LABELS_FILE) -> re.Pattern[str]:
    alternatives = word_alternatives(path)
    return re.compile(rf"^\s*(?:{alternatives})\s*:\s*(?=\S)", re.IGNORECASE)


@lru_cache(maxsize=4)
def _byline(path: Path = BYLINE_LABELS_FILE) -> re.Pattern[str]:
    alternatives = word_alternatives(path)
    return re.compile(
        rf"^\s*(?:Ein\s+)?(?:{alternatives})\s+(?P<case>des|der|von\s+der|vom|von)\s+"
        r"(?P<name>[A-ZÄÖÜ0-9].{2,90})$"
    )


def byline_name(line: str) -> str | None:
    """The partner a byline names, in the nominative ("Ein Beitrag der Nassauischen
    Sparkasse": "Nassauische Sparkasse"); None for a line that is no byline."""
    byline = _byline().match(line)
    if byline is None:
        return None
    case = byline["case"].split()[-1]
    return nominative(byline["name"].strip(), None if case == "von" else case)


def partner_name_of(line: str) -> str:
    """The partner's name a heading line gives: without the label or logo some brochures
    print before it, the section number or the town after it; or the name a report is
    signed with.

    >>> partner_name_of("Partner: Landkreis Lüneburg")
    'Landkreis Lüneburg'
    >>> partner_name_of("Partnerschaften: gelebte Vielfalt")
    'Partnerschaften: gelebte Vielfalt'
    >>> partner_name_of("3.2 Landeshauptstadt Mainz"), partner_name_of("II.1  Theater an der Ruhr")
    ('Landeshauptstadt Mainz', 'Theater an der Ruhr')
    >>> partner_name_of("Jobcenter Landkreis Esslingen | Esslingen am Neckar")
    'Jobcenter Landkreis Esslingen'
    >>> partner_name_of("Partnerbericht 2025 | KAG Interkulturelle Öffnung im Landkreis X")
    'Partnerbericht 2025 | KAG Interkulturelle Öffnung im Landkreis X'
    >>> partner_name_of("[Logo] Diakonisches Werk Pfalz · Ludwigshafen")
    'Diakonisches Werk Pfalz'
    >>> partner_name_of("Stadtwerke Elbe GmbH · Pirna · 410 Beschäftigte")
    'Stadtwerke Elbe GmbH'
    >>> partner_name_of("— Polizei Hamburg, Personalabteilung")
    'Polizei Hamburg'
    >>> partner_name_of("Navimatix GmbH, Jena"), partner_name_of("Stadt X, Amt für Integration")
    ('Navimatix GmbH', 'Stadt X, Amt für Integration')
    >>> partner_name_of("KVB – Kölner Verkehrs-Betriebe AG")
    'Kölner Verkehrs-Betriebe AG'
    >>> partner_name_of("BG BAU – Berufsgenossenschaft der Bauwirtschaft")
    'Berufsgenossenschaft der Bauwirtschaft'
    >>> partner_name_of("» Feuerwehr Bonn (FWB)")
    'Feuerwehr Bonn'
    >>> partner_name_of("Stadt Halle (Saale)"), partner_name_of("Caritas – Fachdienst Migration")
    ('Stadt Halle (Saale)', 'Caritas – Fachdienst Migration')
    >>> partner_name_of("Ein Beitrag der Nassauischen Sparkasse")
    'Nassauische Sparkasse'
    >>> partner_name_of("Bericht des Caritasverbandes Siegen e. V."), partner_name_of("Beiträge")
    ('Caritasverband Siegen e. V.', 'Beiträge')
    """
    return without_short_form(_layout_off(line))


def _layout_off(line: str) -> str:
    """A heading line without what the brochure's layout prints around every name: a
    signature's dash, a byline's words, a label, a mark, a section number, the town."""
    if signed := _SIGNATURE.match(line):
        return signed["name"].strip()
    if (named := byline_name(line)) is not None:
        return named
    named = _FIELD_AFTER.sub("", _PICTURE_BEFORE.sub("", line, count=1), count=1)
    named = _SECTION_NUMBER.sub("", _partner_label().sub("", named, count=1), count=1)
    town = _PLACE_AFTER_COMMA.search(named)
    named = named[: town.start()] if town and is_place(town["place"]) else named
    return _PLACE_AFTER.sub("", named, count=1)


def _spelt(short: str, name: str) -> bool:
    """Whether ``short``'s letters, in any case, are spelt by ``name``'s words.

    >>> _spelt("KVB", "Kölner Verkehrs-Betriebe AG"), _spelt("SWK", "Stadtwerke Köln GmbH")
    (True, True)
    """
    letters = "".join(c for c in short.casefold() if c.isalpha())
    words = tuple(SPELLING_WORD.findall(LEGAL_FORM.sub("", name)))
    return bool(letters) and bool(words) and spelt_by(words, letters)


def without_short_form(named: str) -> str:
    """The full name, without the short form a partner gives before or after it."""
    if (full := _SHORT_BEFORE.match(named)) and (
        full["name"].casefold().startswith(full["short"].casefold())
        or _spelt(full["short"], full["name"])
    ):
        named = full["name"]
    return SHORT_AFTER.sub("", named, count=1)


_LEGAL_IN_CAPITALS = {
    "E.": "e.", "GMBH": "GmbH", "GGMBH": "gGmbH", "MBH": "mbH", "EG": "eG", "CO.": "Co.",
    "AÖR": "AöR", "GAG": "gAG",
}  # fmt: skip


_ABBREVIATED = re.compile(r"[A-ZÄÖÜ]{2,5}\.")  # a word cut short, not a short form's letters


def from_capitals(name: str) -> str:
    """A name printed in capitals as it is written in text: words capitalised, function
    words and legal forms in their own case, short forms kept.

    >>> from_capitals("TÜRKISCHE GEMEINDE IN SCHLESWIG-HOLSTEIN E. V.")
    'Türkische Gemeinde in Schleswig-Holstein e. V.'
    >>> from_capitals("MAINZER VERKEHRSGESELLSCHAFT MBH (MVG)")
    'Mainzer Verkehrsgesellschaft mbH (MVG)'
    >>> from_capitals("Stadt Kassel"), from_capitals("IN VIA BEISPIELSTADT E. V.")
    ('Stadt Kassel', 'In VIA Beispielstadt e. V.')
    >>> from_capitals("ALTENHILFE ST. JOSEF KREFELD")
    'Altenhilfe St. Josef Krefeld'
    """
    if not name.isupper():
        return name
    words = []
    for n, word in enumerate(name.split()):
        bare = word.strip("()„“\"',")
        if word.lower() in FUNCTION_WORDS:  # a name's first word keeps its capital
            words.append(word.lower() if n else word.capitalize())
        elif word in _LEGAL_IN_CAPITALS:
            words.append(_LEGAL_IN_CAPITALS[word])
        elif _ABBREVIATED.fullmatch(bare):
            words.append(word.capitalize())  # a word cut short: "ST." is "St.", "DR." "Dr."
        elif len(bare) <= 3 or not any(c in "AEIOUÄÖÜ" for c in bare) or "." in bare[:-1]:
            words.append(word)  # a short form: "IHK", "(MVG)", "A.A.U."
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(words)


@lru_cache(maxsize=2)
def _body_in_lower_case(lines: tuple[str, ...]) -> tuple[str, str]:
    """The text's lines as one string, between spaces, and the same in lower case (read
    once per text: the headings are looked for twice)."""
    body = f" {' '.join(lines)} "
    return body, body.lower()


def _as_written_in(text: CleanText, i: int, line: str) -> str | None:
    """A name printed in lower case as a word mark ("arbeitsgemeinschaft dritte welt e. v."),
    on a line standing alone, as the text writes it elsewhere ("Arbeitsgemeinschaft Dritte
    Welt e. V."), or None when the text never writes those words capitalised. A word mark's
    closing full stop is dropped when the text writes the name without it. Lines of running
    text in lower case are many and stand between others: they are not looked up."""
    if len(line.split()) < 2 or not _stands_alone(text, i):
        return None
    body, lowered = _body_in_lower_case(text.lines)
    if len(lowered) != len(body):
        return None  # a letter whose lower case is longer: offsets would not match
    for phrase in dict.fromkeys((line, line.removesuffix("."))):
        wanted = " ".join(phrase.split()).lower()
        at = lowered.find(wanted)
        while at >= 0:
            end = at + len(wanted)
            found = body[at:end]
            if not found.islower() and not (body[at - 1].isalnum() or body[end].isalnum()):
                return found
            at = lowered.find(wanted, at + 1)
    return None


def _first_column(text: CleanText, i: int) -> str:
    """A line as the text has it, or the first column of a header set in columns
    ("JOBCENTER DUISBURG      Jobcenter      seit 2014"; a section number before it stays)."""
    source = text.source.lines[i].strip()
    if _WIDE_GAP.search(source):
        source = unspaced(source)  # a name in spaced capitals is no columns
    columns = _COLUMN_GAP.split(source) if _WIDE_GAP.search(source) else []
    if len(columns) > 1 and " " not in columns[0] and _SECTION_NUMBER.match(" ".join(columns[:2])):
        columns = [" ".join(columns[:2]), *columns[2:]]
    return " ".join(columns[0].split()) if len(columns) > 1 else text.lines[i]


_LEAD_IN_WORDS = range(2, 5)  # words of a lead-in the layout repeats before each name
_LEAD_IN_LINES = 3  # standing-alone lines that must open with it
_LEAD_IN_LINE_WORDS = 10  # a longer line is a sentence
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})


def repeated_lead_ins(text: CleanText) -> frozenset[tuple[str, ...]]:
    """Words a layout prints before every partner's name, found by their repetition: the
    first two to four words, one of them a lower-case word that is no function word ("So
    engagiert sich"), none an organisation's head word ("Verein für Vielfalt e. V."),
    that at least three short lines standing alone (a blank line or the text's start above
    and below) open with, each going on with an organisation's name ("So engagiert sich die
    IG BCE", "So engagiert sich der DGB Nord"). Bylines and labels differ from brochure to
    brochure; that they recur before names is what they share. A name itself is no lead-in
    ("Das Jobcenter StädteRegion Aachen" over several reports), nor is the opening of
    sentences set on lines of their own ("Im Rahmen des …").

    The words are counted first; the names after them are read only for words that recur
    (this runs for every text, on every candidate line)."""
    lines, noise = text.lines, text.noise
    opened: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # lead-in -> the lines' words
    for i, line in enumerate(lines):
        words = tuple(line.split())
        if not line or noise[i] or not _stands_alone(text, i) or len(words) > _LEAD_IN_LINE_WORDS:
            continue
        for n in _LEAD_IN_WORDS:
            if len(words) > n:
                opened.setdefault(words[:n], []).append(words)
    found = {
        lead
        for lead, opening in opened.items()
        if len(opening) >= _LEAD_IN_LINES
        and lead[-1] not in _ARTICLES  # an article belongs to the name after it
        and all(w.isalpha() for w in lead)  # no running header ("punktum. spezial 2016")
        and any(w.islower() and w not in FUNCTION_WORDS for w in lead)
        and not org_like(" ".join(lead))  # a name's own start: "Verein für Vielfalt e. V."
        and sum(map(_reads_as_org, (_name_after(words, lead) for words in opening)))
        >= _LEAD_IN_LINES
    }
    # the longest lead-in only: "So engagiert sich", not also "So engagiert"
    return frozenset(
        k for k in found if not any(len(o) > len(k) and o[: len(k)] == k for o in found)
    )


def _stands_alone(text: CleanText, i: int) -> bool:
    """Whether line ``i`` has a blank line, page furniture or the text's edge above and
    below it: how a layout sets a name, a lead-in or a word mark apart."""
    lines, noise = text.lines, text.noise
    above = i == 0 or not lines[i - 1] or noise[i - 1]
    below = i + 1 == len(lines) or not lines[i + 1] or noise[i + 1]
    return above and below


def _reads_as_org(name: str) -> bool:
    return name_shaped(name) and org_like(name)


def _name_after(words: tuple[str, ...], lead: tuple[str, ...]) -> str:
    """The name after a lead-in, in the nominative ("So engagiert sich der DGB Nord" ->
    "DGB Nord")."""
    rest = words[len(lead) :]
    if len(rest) > 1 and rest[0] in _ARTICLES:
        return nominative(" ".join(rest[1:]), rest[0])
    return " ".join(rest)


def _without_lead_in(line: str, lead_ins: frozenset[tuple[str, ...]]) -> str:
    """A heading line without the repeated lead-in it opens with, if any."""
    words = tuple(line.split())
    lead = next((lead for lead in lead_ins if words[: len(lead)] == lead), None)
    return line if lead is None else _name_after(words, lead)


def _heading_at(
    text: CleanText, pages: list[bool], i: int, lead_ins: frozenset[tuple[str, ...]] = frozenset()
) -> Heading | None:
    lines = text.lines
    column = _without_mark(_first_column(text, i))
    first = _without_lead_in(column, lead_ins)
    named = _layout_off(first)
    labelled = named != column  # a short form is the partner's own, no layout's label
    named = without_short_form(named)
    line, name, last = from_capitals(named), None, i
    if named.islower():
        line = _as_written_in(text, i, named) or named
    if name_shaped(line):
        name = line
    elif (unit := _UNIT_AFTER_DASH.match(line)) and name_shaped(unit["name"]):
        name = unit["name"]  # "ASC Loope e. V. – Abteilung Fußball": the club reports
    broken = bool(continues_sentence(line)) and not line.endswith(",")
    if name is None and not broken and not _legal_tail_below(lines, i):
        return None  # neither a name nor the first half of one
    j = _neighbour(text, pages, i, 1)
    joins = j is not None and (
        (named.isupper() and joins_above(lines[j]))
        or (named.isupper() == lines[j].isupper() and _rest_below(text, line, lines[j]))
    )
    # the next line completes the name: a sentence's rest, a legal form, the town set
    # below it ("LVR-Klinik" over "Langenfeld"), words no name opens with ("… MUSEUM FÜR
    # ARBEIT" over "UND ALLTAG WIESLOCH"), or the name's rest up to its legal form
    if j is not None and (
        broken or _LEGAL_TAIL.fullmatch(lines[j]) or _town_below(lines, i, j) or joins
    ):
        below = from_capitals(lines[j]) if named.isupper() else lines[j]
        joined = joined_below(line, lines[j]) if joins else f"{line} {below}"
        joined = SHORT_AFTER.sub("", joined, count=1)  # "… E. V. (WDM)": the name is before
        if len(lines[j].split()) <= 6 and name_shaped(joined):
            name, last = joined, j
    if name is None or _opened_by_broken_word(text, i):
        return None
    before = _neighbour(text, pages, i, -1)
    if before is not None and continues_sentence(lines[before]) and not _cuts_word(text, i, last):
        return None  # the line ends a sentence that started above
    after = _neighbour(text, pages, last, 1)
    if (
        after is not None
        and lines[after][:1].islower()
        and not name_shaped(lines[after])
        and not WEB_ADDRESS.match(lines[after])
        and not _cuts_word(text, i, last)
    ):
        return None  # the sentence goes on below
    return Heading(first=i, last=last, name=name, labelled=labelled)


_JOINING = frozenset(
    {"und", "für", "der", "des", "zur", "zum", "im", "am", "an", "in", "bei", "beim"}
)


def joins_above(line: str) -> bool:
    """Whether a line set in capitals opens with a word that joins it to the line above
    ("UND", "FÜR", "DER"). In running case "und die Stadt …" below a name may as well go
    on with a sentence, and "Der Verein …" opens one."""
    words = line.split()
    return bool(words) and words[0].lower() in _JOINING and line.isupper()


def joined_below(name: str, below: str) -> str:
    """``name`` with the line below that completes it, as written in text.

    >>> joined_below("Kurpfälzisches Museum für Arbeit", "UND ALLTAG WIESLOCH")
    'Kurpfälzisches Museum für Arbeit und Alltag Wiesloch'
    """
    first, _, rest = from_capitals(" ".join(below.split())).partition(" ")
    first = first.lower() if first.lower() in _JOINING else first
    return f"{name} {first} {rest}".rstrip()


def _town_below(lines: tuple[str, ...], i: int, j: int) -> bool:
    """Whether line ``j``, right below a name, is its town alone, then an empty line."""
    return j == i + 1 and j + 1 < len(lines) and is_place(lines[j]) and not lines[j + 1]


_REST_WORDS = 3  # words of a name's rest on the line below, before its legal form
_ENDS_LEGAL = re.compile(rf"\s{_LEGAL_TAIL.pattern}$")


def _rest_below(text: CleanText, name: str, below: str) -> bool:
    """Whether the line below a name is its rest: a few words and the legal form, that
    name no organisation of their own, under a name with an organisation's head word and
    without a legal form ("VERBAND DER KRANKENHÄUSER" over "RHEIN-RUHR E. V."; not
    "HALTUNG ZEIGEN" over "SILICON SAXONY E. V.", a title over a name), if the text
    writes the whole name elsewhere too: a report names its partner again.

    >>> from loaders.models import SourceText
    >>> lines = ("VERBAND DER KRANKENHÄUSER", "RHEIN-RUHR E. V.",
    ...          "Der Verband der Krankenhäuser Rhein-Ruhr e. V. vertritt")
    >>> text = CleanText(SourceText("x.txt", "x.txt", lines, (None,) * 3, ""), lines, (False,) * 3)
    >>> _rest_below(text, "Verband der Krankenhäuser", lines[1])
    True
    >>> _rest_below(text, "Haltung zeigen", "SILICON SAXONY E. V.")
    False
    """
    rest = SHORT_AFTER.sub("", from_capitals(below), count=1)
    words = _ENDS_LEGAL.split(rest)[0].split()
    whole = f"{name} {rest}".lower()
    return (
        bool(_ENDS_LEGAL.search(rest))
        and 0 < len(words) <= _REST_WORDS
        and _head_word(name)
        and not LEGAL_FORM.search(name)
        and not _head_word(" ".join(words))
        and _body_in_lower_case(text.lines)[1].count(whole) >= 2
    )


def _legal_tail_below(lines: tuple[str, ...], i: int) -> bool:
    return any(_LEGAL_TAIL.fullmatch(line) for line in lines[i + 1 : i + 4] if line)


def _opened_by_broken_word(text: CleanText, i: int) -> bool:
    """Whether line ``i`` opened with the rest of a word broken at the line above ("Kom-" |
    "munalen Integrationszentrum …"): cleaning joined the word above, and the line goes on
    with that sentence, whatever is left of it.

    >>> from loaders.models import SourceText
    >>> lines = ("vom Kom-", "munalen Integrationszentrum Kreis Steinfurt")
    >>> source = SourceText("x.txt", "x.txt", lines, (None, None), "")
    >>> cleaned = ("vom Kommunalen", "Integrationszentrum Kreis Steinfurt")
    >>> text = CleanText(source, cleaned, (False, False))
    >>> _opened_by_broken_word(text, 1), _opened_by_broken_word(text, 0)
    (True, False)
    """
    words = text.source.lines[i].split()
    return bool(words) and words[0][:1].islower() and not text.lines[i].startswith(words[0])


def _cuts_word(text: CleanText, first: int, last: int) -> bool:
    """Whether a name line stands inside a word broken at a page end ("sensi-" | "ble").

    PDF extraction may put a page's heading between the two halves of a hyphenated word;
    such a line is a heading even though the text around it runs on.
    """
    lines = text.lines
    above = next((j for j in range(first - 1, max(-1, first - 4), -1) if lines[j]), None)
    below = next((j for j in range(last + 1, min(len(lines), last + 4)) if lines[j]), None)
    return (
        above is not None
        and below is not None
        and lines[above].endswith("-")
        and lines[above][-2:-1].isalpha()
        and lines[below][:1].islower()
    )


def _neighbour(text: CleanText, pages: list[bool], i: int, step: int) -> int | None:
    """The next text line up or down on the same page, if no page furniture intervenes."""
    j = i + step
    while 0 <= j < len(text.lines) and abs(j - i) <= 3:
        if step > 0 and pages[j]:
            return None
        if text.noise[j]:
            return None
        if text.lines[j]:
            return None if step < 0 and pages[i] else j
        if step < 0 and pages[j]:
            return None
        j += step
    return None


def _after_blank(text: CleanText, h: Heading) -> bool:
    """A name on a line of its own after an empty line, with its text right below it."""
    lines = text.lines
    return (
        h.first > 0
        and not lines[h.first - 1]
        and h.last + 1 < len(lines)
        and bool(lines[h.last + 1])
    )


def _between_paragraphs(text: CleanText, h: Heading, titles: frozenset[int]) -> bool:
    """A name on a line of its own between a finished sentence (or a chapter's title) and
    running text, in a brochure set without empty lines: the line below is a long line of
    prose, not another name of a list."""
    lines = text.lines
    if h.first == 0 or h.last + 1 >= len(lines):
        return False
    above, below = lines[h.first - 1], lines[h.last + 1]
    return (
        (above.endswith((".", "!", "?")) or h.first - 1 in titles)
        and len(below) >= PROSE_LINE
        and below[:1].isupper()
        and not name_shaped(below)
    )


def _line_below(lines: tuple[str, ...], h: Heading, pattern: re.Pattern[str]) -> bool:
    """Whether the line right below a name matches ``pattern``: how a brochure's layout
    sets something of the partner's under the name that opens its report."""
    below = h.last + 1
    return below < len(lines) and bool(pattern.match(lines[below]))


def above_profile(text: CleanText, h: Heading) -> bool:
    """A name over a short profile of its organisation ("Sitz: Wiesbaden", "Branche
    Automobilindustrie" set in columns), or over a line of its facts after dots ("Partner
    seit 2016 · Träger der Altenhilfe · Herne"): read in the source, where the columns'
    spaces are still there."""
    return _line_below(text.source.lines, h, _PROFILE_ENTRY) or _line_below(
        text.source.lines, h, _FACTS
    )


def _above_quotation(text: CleanText, h: Heading) -> bool:
    """A name over a quotation of its own line (»Integration hört bei uns nicht an der
    Seitenlinie auf.«): a brochure opens a partner's report with a word of the partner's,
    whatever the name's words ("BSV Viktoria Bielstein")."""
    return _line_below(text.lines, h, QUOTATION)


_CAPITAL_NAMES = 3  # names set in capitals that make capitals a brochure's form of them


def _in_capitals(text: CleanText, h: Heading) -> bool:
    """Whether a heading's lines are set in capitals, a legal form aside ("DRK-KREISVERBAND
    DÜREN E. V.", "KITA-VERBUND RUHR-LIPPE gGmbH")."""
    line = _ENDS_LEGAL.sub("", " ".join(text.lines[h.first : h.last + 1]))
    return sum(c.isalpha() for c in line) >= 4 and line.isupper()


def _letter_spaced(text: CleanText, h: Heading) -> bool:
    """A name set in spaced capitals ("K L I N I K U M   H A G E N - O S T"): a designer's
    heading, no line of running text."""
    return all(unspaced(line) != line for line in text.source.lines[h.first : h.last + 1])


def _above_address(text: CleanText, h: Heading) -> bool:
    """A name over its web address ("www.planerladen.de"), as a brochure sets a partner's
    contact under the name that opens its report."""
    return _line_below(text.lines, h, WEB_ADDRESS)


def recurring_lines(text: CleanText) -> frozenset[str]:
    """Lines of text that stand three times or more in a document and are no page furniture:
    the questions every report of a brochure answers ("Was hat Sie im Berichtsjahr besonders
    beschäftigt?") or a label each report repeats."""
    counts = Counter(
        line
        for line, noise in zip(text.lines, text.noise, strict=True)
        if len(line) >= 15 and not noise
    )
    return frozenset(line for line, n in counts.items() if n >= 3)


def _above_recurring(text: CleanText, h: Heading, recurring: frozenset[str]) -> bool:
    """A name over a line that every report repeats: the reports follow one form, and
    each opens with its partner's name."""
    below = next(
        (j for j in range(h.last + 1, min(len(text.lines), h.last + 3)) if text.lines[j]), None
    )
    return below is not None and text.lines[below] in recurring and text.lines[below] != h.name


def _before_blank(text: CleanText, h: Heading) -> bool:
    """A name on a line of its own after the end of its text, with an empty line below: a
    heading extracted after the text it stood above."""
    lines = text.lines
    return (
        h.first > 0
        and lines[h.first - 1].endswith((".", "!", "?"))
        and (h.last + 1 >= len(lines) or not lines[h.last + 1])
    )


def _at_page_edge(text: CleanText, pages: list[bool], h: Heading) -> bool:
    return (
        _neighbour(text, pages, h.first, -1) is None or _neighbour(text, pages, h.last, 1) is None
    )


def paragraphs(text: CleanText, lines: list[int]) -> list[list[int]]:
    """Text lines grouped in paragraphs: a new one after a sentence end, a title or at a bullet."""
    paragraphs: list[list[int]] = []
    for i in lines:
        line = text.lines[i]
        prev = text.lines[paragraphs[-1][-1]] if paragraphs else ""
        if not paragraphs or prev.endswith((".", "!", "?", ":")) or line[:1] in BULLETS:
            paragraphs.append([i])
        elif len(paragraphs[-1]) == 1 and subheading(text, paragraphs[-1]):
            paragraphs.append([i])
        else:
            paragraphs[-1].append(i)
    return paragraphs


def subheading(text: CleanText, para: list[int]) -> bool:
    """A one-line title inside a report: short, capitalised, no sentence punctuation."""
    line = text.lines[para[0]]
    return (
        len(para) == 1
        and 3 <= len(line) <= 45
        and line[:1].isupper()
        and not line.endswith((".", ",", "-", ";"))
    )
