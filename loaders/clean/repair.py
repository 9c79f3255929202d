"""Repair the text of a source without losing its line numbers.

Text taken from PDFs breaks words at line ends ("Inter -" / "kulturelle"), keeps soft
hyphens, splits words inside a line ("Beur  teilungsverfahren") and repeats page headers,
footers and page numbers on every page. Mentions are only found in repaired text, but
evidence must still point at the original line, so this stage keeps a 1:1 line map: a
word broken across lines is joined onto the line where it starts and removed from the
next one, and headers and footers are only *flagged* in :attr:`CleanText.noise`.

Every decision is made from the document itself (how often a line or word recurs, whether
a hyphenated form is used elsewhere), so nothing here depends on one particular corpus.

>>> from loaders.models import SourceText
>>> src = SourceText("x.txt", "x.txt", ("Die Inter -", "kulturelle Öffnung", "Aus- und",
...     "Weiterbildung", "7"), (None,) * 5, "0")
>>> cleaned = clean(src)
>>> cleaned.lines[:2]
('Die Interkulturelle', 'Öffnung')
>>> cleaned.lines[2], cleaned.noise[4]
('Aus- und', True)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from loaders.clean.tables import read_tables
from loaders.clean.textstream import ROW_BREAK
from loaders.models import CleanText, SourceText
from loaders.names import ELLIPSIS_WORDS

__all__ = ["PICTURE", "clean", "normalise_line", "is_page_number", "line_key"]

_TIDY = str.maketrans(
    {
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", None),  # invisible
        **dict.fromkeys("\u00a0\u2007\u202f\t\f", " "),  # odd spaces
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
_MULTISPACE = re.compile(r" {2,}")
_SOFT = "\u00ad"
_HYPHENS = "-\u2010\u00ad¬"
_FIRST_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:seite|page|s\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"(?:\s*(?:/|von|of|aus)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_EDGE_CHARS = "0123456789 \t.|–—-"
_LOOKAHEAD = 4  # lines searched for the continuation of a broken word


def normalise_line(line: str) -> str:
    """One line with invisible characters, ligatures and runs of spaces tidied."""
    if line.isascii():
        return _MULTISPACE.sub(" ", line.replace("\t", " ").replace("\f", " ")).strip()
    if not unicodedata.is_normalized("NFC", line):
        line = unicodedata.normalize("NFC", line)
    text = line.translate(_TIDY)
    if _SOFT in text[:-1]:
        text = text[:-1].replace(_SOFT, "") + text[-1]  # a soft hyphen at the end breaks a word
    return _MULTISPACE.sub(" ", text).strip()


# a word set in spaced capitals ("K A P I T E L", "H A G E N - O S T", "S T ."), and a
# line that may hold one
_SPACED = re.compile(r"^(?:[A-ZÄÖÜ&.-] )+[A-ZÄÖÜ&.-]$")
_SPACED_IN = re.compile(r"(?<!\S)[A-ZÄÖÜ] [A-ZÄÖÜ] [A-ZÄÖÜ](?!\S)")


def unspaced(raw: str) -> str:
    """A line set in spaced capitals as words: its wider gaps part the words ("K A P I T E L
    1" is "KAPITEL 1", "K L I N I K U M   H A G E N - O S T" is "KLINIKUM HAGEN-OST");
    other lines as they are.

    >>> unspaced("K A P I T E L  1"), unspaced("Teil A")
    ('KAPITEL 1', 'Teil A')
    >>> unspaced("S T .   E L I S A B E T H - H O S P I T A L")
    'ST. ELISABETH-HOSPITAL'
    """
    if not _SPACED_IN.search(raw):
        return raw  # most lines: split none
    parts = re.split(r"\s{2,}", raw.strip())
    if not any(_SPACED.match(p) for p in parts):
        return raw
    return " ".join(p.replace(" ", "") if _SPACED.match(p) else p for p in parts)


# a picture's placeholder on a line of its own ("[Logo]", "[Foto: Stadt Celle]")
PICTURE = re.compile(r"\[[^\[\]\d][^\[\]]{0,59}\]")


def is_page_number(line: str) -> bool:
    """True for bare page numbers such as ``12``, ``- 12 -``, ``Seite 3 von 9``."""
    return bool(_PAGE_NUMBER.match(line.strip()))


def line_key(line: str) -> str:
    """A line without case and without numbers at its edges, to recognise running headers."""
    return line.strip(_EDGE_CHARS).casefold()


def clean(source: SourceText) -> CleanText:
    """Read tables row by row (:mod:`loaders.clean.tables`), repair broken words and flag
    page furniture; ``len(result.lines) == len(source.lines)``."""
    lines = [
        ROW_BREAK.join(normalise_line(unspaced(part)) for part in line.split(ROW_BREAK))
        for line in read_tables(source.lines)
    ]
    lines = ["" if PICTURE.fullmatch(line) else line for line in lines]  # no text
    noise = _find_noise(lines)
    words = Counter(_WORD.findall("\n".join(lines)))
    vocabulary: Counter[str] = Counter()
    for word, count in words.items():
        vocabulary[word.casefold()] += count
    _join_broken_words(lines, noise, vocabulary)
    _join_split_words(lines, words, vocabulary)
    _read_rn_as_m(lines, words)
    return CleanText(source=source, lines=tuple(lines), noise=tuple(noise))


def _read_rn_as_m(lines: list[str], words: Counter[str]) -> None:
    """OCR reads an "m" as "rn" ("Worrns", "Handwerkskarnmer"): a word with "rn" whose
    spelling with "m" the document uses more often is that word.

    >>> lines = ["Stadt Worms", "in Worms und Worrns", "Kern und Kerne"]
    >>> _read_rn_as_m(lines, Counter(_WORD.findall(" ".join(lines))))
    >>> lines
    ['Stadt Worms', 'in Worms und Worms', 'Kern und Kerne']
    """
    misread = {}
    for word, count in words.items():
        if "rn" in word:
            read = word.replace("rn", "m")
            if words.get(read, 0) > count:
                misread[word] = read
    if not misread:
        return
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, misread)) + r")\b")
    for i, line in enumerate(lines):
        if "rn" in line:
            lines[i] = pattern.sub(lambda m: misread[m.group()], line)


_CONTENTS_LINE = re.compile(r"(?:\.\s?){4,}\s*\d+$|…\s*\d+$")  # "Name ........ 4"
_PAGE_AT_END = re.compile(r"\S\s+(\d{1,3})$")  # "Brückmann Personal GmbH 3"
_CONTENTS_RUN = 3  # entries of a contents list without leader dots, one under the other
_CONTENTS_GAP = 2  # lines from one entry to the next (a title set over two lines)


def _contents_lines(lines: list[str]) -> set[int]:
    """The lines of a table of contents: entries with leader dots, or runs of lines
    that each end in a page number, one under the other, the numbers rising ("Grußwort
    2", "Brückmann Personal GmbH 3", "Pflegepool Westfalen GmbH 4").

    >>> lines = ["Inhalt", "Grußwort 2", "1 Vielfalt in", "der Belegschaft 3", "Kreis B 3", "", ""]
    >>> sorted(_contents_lines([*lines, "Seite 9", "", "Seite 10"]))
    [1, 3, 4]
    """
    found = {i for i, line in enumerate(lines) if _CONTENTS_LINE.search(line)}
    run: list[tuple[int, int]] = []  # (line, page) of the entries one under the other
    for i, line in enumerate([*lines, *[""] * (_CONTENTS_GAP + 1)]):
        m = _PAGE_AT_END.search(line) if line[-1:].isdigit() else None
        if run and (i - run[-1][0] > _CONTENTS_GAP or m and int(m[1]) < run[-1][1]):
            if len(run) >= _CONTENTS_RUN:
                found.update(k for k, _ in run)
            run = []
        if m:
            run.append((i, int(m[1])))
    return found


def _find_noise(lines: list[str]) -> list[bool]:
    """Page numbers and running headers/footers: lines that recur with page numbers.

    A recurring line is a header when it carries a page or chapter number (``Kapitel3``)
    or stands beside a page number nearly every time; the other half of a two-line header
    is the recurring line that always sits directly against the same header. A line of
    the contents ("GEWOBA … ...... 4") recurs as the heading it lists, and both may carry
    a number: the two are counted apart. Words that end in a different year each time are
    a list's dated entries, no header.
    """
    numbers = [bool(line) and is_page_number(line) for line in lines]
    # single digits are as often chapter numbers as page numbers: they place no footer
    page_numbers = [n and len(lines[i]) > 1 for i, n in enumerate(numbers)]
    by_key: dict[tuple[str, bool], list[int]] = {}
    contents = _contents_lines(lines)
    for i, line in enumerate(lines):
        key = line_key(line)
        if len(key) >= 4 and not numbers[i]:
            # a contents line recurs as the heading it lists, not as a header
            by_key.setdefault((key, i in contents), []).append(i)
    noise = list(numbers)
    for where in by_key.values():
        if len(where) < 2:
            continue
        numbered = sum(lines[i][:1].isdigit() or lines[i][-1:].isdigit() for i in where)
        near_number = sum(_near(page_numbers, i, 2) for i in where)
        recurs = (numbered >= 2 and len(where) >= 3) or len(where) >= 20
        if (recurs and not _dated_entries(lines, where)) or (
            near_number >= 2 and near_number * 5 >= len(where) * 4
        ):
            for i in where:
                noise[i] = True
    headers = list(noise)
    for where in by_key.values():
        glued = _glued_to_same_noise(lines, headers, where)
        if not headers[where[0]] and glued >= 2 and glued * 5 >= len(where) * 4:
            for i in where:
                noise[i] = True
    return noise


_YEAR_AT_END = re.compile(r"\b(?:19|20)\d\d$")


def _dated_entries(lines: list[str], where: list[int]) -> bool:
    """Whether recurring words end each time in a year, and not always the same one: the
    entries of a list ("Mitglied seit 2015", "Mitglied seit 2017"), where a running header
    repeats its year ("Partnerberichte 2023") and a footer counts pages.

    >>> _dated_entries(["Mitglied seit 2015", "Mitglied seit 2017"], [0, 1])
    True
    >>> _dated_entries(["Jahresbericht 2023", "Jahresbericht 2023"], [0, 1])
    False
    """
    years = [_YEAR_AT_END.search(lines[i]) for i in where]
    return all(years) and len({y.group() for y in years if y}) > 1


def _glued_to_same_noise(lines: list[str], noise: list[bool], where: list[int]) -> int:
    """How often a line sits directly against the same noise line (two-line headers); a
    drawn rule ("______") is no header's half, whatever stands against it."""
    neighbours: Counter[str] = Counter()
    for i in where:
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and noise[j] and any(c.isalnum() for c in lines[j]):
                neighbours[line_key(lines[j])] += 1
    return max(neighbours.values(), default=0)


def _near(flags: list[bool], i: int, distance: int) -> bool:
    """Whether a flagged line lies within ``distance`` lines of line ``i``."""
    lo, hi = max(0, i - distance), min(len(flags), i + distance + 1)
    return any(flags[j] for j in range(lo, hi) if j != i)


def _join_broken_words(lines: list[str], noise: list[bool], vocabulary: Counter[str]) -> None:
    """Join words hyphenated across a line break onto the line where they start."""
    for i in range(len(lines)):
        for _ in range(3):  # a joined word may itself end in a hyphen
            if not _join_once(lines, noise, vocabulary, i):
                break


def _join_once(lines: list[str], noise: list[bool], vocabulary: Counter[str], i: int) -> bool:
    line = lines[i]
    if not line or line[-1] not in _HYPHENS or noise[i]:
        return False
    body = line[:-1]
    spaced = body.endswith(" ")
    left = body.rstrip(" ").rsplit(" ", 1)[-1]
    if not left or not left[-1].isalnum():
        return False
    j = _next_text_line(lines, noise, i)
    if j is None:
        return False
    right = _FIRST_TOKEN.match(lines[j])
    if right is None:
        return False
    token, hyphen, first = right.group(), line[-1], right.group()[0]
    if first.islower():
        if token.rstrip(",.;:") in ELLIPSIS_WORDS or token in ELLIPSIS_WORDS:
            return False
        keep = hyphen != _SOFT and _keeps_hyphen(left, token, vocabulary)
    elif (first.isupper() or first.isdigit()) and not spaced and hyphen in "-\u2010":
        if left[0].islower() and first.isupper():
            return False  # "sensi-" / "Stadt Musterhausen": a heading cut into a word
        # a real compound broken after its hyphen: "Caritas-" / "Verband"; in capitals a
        # word is broken so too, and is one where the text writes it so ("MIGRANTEN-" /
        # "ORGANISATIONEN" and "Migrantenorganisationen" below)
        keep = not (left.isupper() and token.isupper()) or _hyphen_in_capitals(
            left, token, vocabulary
        )
    else:
        return False
    if not keep:
        for word in _WORD.findall(left + token):
            vocabulary[word.casefold()] += 1
    lines[i] = body.rstrip(" ") + ("-" if keep else "") + token
    lines[j] = lines[j][right.end() :].lstrip()
    return True


def _next_text_line(lines: list[str], noise: list[bool], i: int) -> int | None:
    for j in range(i + 1, min(i + 1 + _LOOKAHEAD, len(lines))):
        if lines[j] and not noise[j]:
            return j
    return None


def _keeps_hyphen(left: str, token: str, vocabulary: Counter[str]) -> bool:
    """Whether ``left-`` + ``token`` is a hyphenated compound rather than a broken word."""
    last = left.rsplit("-", 1)[-1]
    if last[-1:].isdigit() or sum(c.isupper() for c in last) >= 2:
        return True  # "18-jährige", "IHK-eigene"
    if "://" in left or left.startswith("www.") or "@" in left:
        return True  # hyphens inside addresses are real
    joined, hyphenated = _spellings(left, token, vocabulary)
    return hyphenated > joined


def _hyphen_in_capitals(left: str, token: str, vocabulary: Counter[str]) -> bool:
    """Whether ``LEFT-`` + ``TOKEN`` in capitals is a compound with its hyphen: unless the
    text writes the word without one more often than with it.

    >>> from collections import Counter
    >>> _hyphen_in_capitals("EIN", "WANDERUNGSGESCHICHTE", Counter({"einwanderungsgeschichte": 2}))
    False
    >>> _hyphen_in_capitals("RHEIN", "SIEG-KREIS", Counter({"rhein-sieg-kreis": 1}))
    True
    """
    joined, hyphenated = _spellings(left, token, vocabulary)
    return joined <= hyphenated


def _spellings(left: str, token: str, vocabulary: Counter[str]) -> tuple[int, int]:
    """How often the text writes the word broken as ``left-`` + ``token`` joined and with its
    hyphen (a token that opens with no letter: never joined)."""
    last = left.rsplit("-", 1)[-1]
    word = re.match(r"[^\W\d_]+", token)
    if word is None:
        return 0, 1
    joined = vocabulary[(last + word.group()).casefold()]
    return joined, vocabulary[f"{last}-{word.group()}".casefold()]


def _join_split_words(lines: list[str], words: Counter[str], vocabulary: Counter[str]) -> None:
    """Close gaps inside words ("Beur teilungsverfahren") when the document proves them.

    A gap is closed only if the joined word occurs elsewhere in the document and the lower
    case second part occurs nowhere else on its own, so real word pairs are left alone.
    """
    single = {w for w, n in words.items() if n == 1 and len(w) > 2 and w[0].islower()}
    for i, line in enumerate(lines):
        parts = line.split(" ")
        if single.isdisjoint(parts[1:]):
            continue  # no word on the line that occurs only once: nothing to join
        joined_any = False
        for k in range(len(parts) - 1, 0, -1):
            a, b = parts[k - 1], parts[k]
            if (
                len(b) > 2
                and b[0].islower()
                and words[b] == 1
                and len(a) > 1
                and a.isalpha()
                and b.isalpha()
                and vocabulary[(a + b).casefold()] >= 1
            ):
                parts[k - 1 : k + 1] = [a + b]
                joined_any = True
        if joined_any:
            lines[i] = " ".join(parts)
