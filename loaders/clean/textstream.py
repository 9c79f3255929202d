"""One searchable string per document that still knows every character's original line.

Names and sentences run across line breaks (brochure columns break every few words), so
the pattern stages search a single string built from the cleaned lines: noise lines
(running headers, page numbers) and blank lines are left out, the rest are joined with
``\\n``. An offset maps back to its 1-based original line by binary search, and sentences
are cut without a scan per line, which keeps a 13,000-line brochure fast.

>>> from loaders.models import CleanText, SourceText
>>> src = SourceText("x.txt", "x.txt", ("Die Stadt", "", "Köln kooperiert."), (None,) * 3, "0")
>>> stream = build_stream(CleanText(src, src.lines, (False,) * 3))
>>> stream.line_at(stream.text.index("Köln"))
3
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from loaders.models import CleanText
from loaders.names import SHARP_S

__all__ = [
    "ROW_BREAK",
    "TextStream",
    "Sentence",
    "build_stream",
    "paragraph_breaks",
    "continues_sentence",
    "split_sentences",
    "fix_ocr",
    "quote",
]

# OCR misreadings of umlauts, ß and a capital I in scanned reports ("fiir", "Offnung",
# "Behdrde", "MaBnahmen", "lm Rahmen", "lntegration"). Only spellings that are never correct
# German are rewritten, so names, cue words and evidence read as printed ("KölnBäder" and
# "NeBeL" stay, see ``SHARP_S``); the line map is unaffected (it is per line).
_UMLAUT = dict(zip("aouAOU", "äöüÄÖÜ", strict=True))
_OCR_FIXES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"\b([Ff])(?:ii|i|u)r\b"), r"\1ür"),
    (re.compile(r"\bOff(?=nung|entlich)"), "Öff"),
    (re.compile(r"(?:\b[o&]6|\b6|\b&|\bo6)ff(?=entlich|nung)"), "öff"),
    (re.compile(r"\bUber(?=[a-zäöü]|\b)"), "Über"),
    (re.compile(r"([Bb]eh)[déeé6](?=rde)"), r"\1ö"),
    (re.compile(SHARP_S), "ß"),
    (re.compile(r"\bl(?=[mn](?:[a-zäöüß]|\b))"), "I"),  # no German word opens with "lm" or "ln"
    (re.compile(r"\b([Aa]nl)a(?=ss?lich)"), r"\1ä"),
    # an umlaut's dots printed as a character of their own after the vowel ("fu¨r")
    (re.compile("([aouAOU])\u00a8"), lambda m: _UMLAUT[m.group(1)]),
    # a digit inside a word: "0" for "O" at its start, "1" for "l" between letters
    (re.compile(r"\b0(?=[a-zäöüß]{2})"), "O"),
    (re.compile(r"(?<=[a-zäöüß])1(?=[a-zäöüß])"), "l"),
]
_OCR_HINT = re.compile(
    r"[ii]r\b|ur\b|Off|6|&ff|Uber|eh[déeé6]rde|[a-zäöü]B[a-zäöüB]|nlass|\bl[mn]|\u00a8|[01][a-zäöüß]"
)


def fix_ocr(line: str) -> str:
    """Undo the common OCR misreadings of one line (cheap when there are none)."""
    if not _OCR_HINT.search(line):
        return line
    for pattern, repl in _OCR_FIXES:
        line = pattern.sub(repl, line)
    return line


ROW_BREAK = "\n"  # between the stream lines one cleaned line holds (a table row's record)


@dataclass(frozen=True)
class TextStream:
    text: str
    starts: tuple[int, ...]  # offset where each kept line starts
    lines: tuple[int, ...]  # its 1-based original line number

    def line_at(self, offset: int) -> int:
        """Original line of the character at ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        return self.lines[max(index, 0)] if self.lines else 1

    def offset_of_line(self, line: int) -> int:
        """First offset at or after original ``line`` (end of text when none)."""
        index = bisect_right(self.lines, line - 1)
        return self.starts[index] if index < len(self.starts) else len(self.text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def build_stream(clean: CleanText) -> TextStream:
    """Join the kept lines of ``clean`` into one string with a line map."""
    parts: list[str] = []
    starts: list[int] = []
    lines: list[int] = []
    offset = 0
    for number, (line, noise) in enumerate(zip(clean.lines, clean.noise, strict=False), start=1):
        if noise:
            continue
        for part in line.split(ROW_BREAK):  # a table row's record lines
            stripped = part.strip()
            if not stripped:
                continue
            stripped = fix_ocr(stripped)
            starts.append(offset)
            lines.append(number)
            parts.append(stripped)
            offset += len(stripped) + 1
    return TextStream("\n".join(parts), tuple(starts), tuple(lines))


_MOSTLY_SPACED = 0.3  # share of lines after an empty line from which empty lines end nothing


def paragraph_breaks(clean: CleanText, stream: TextStream) -> tuple[int, ...]:
    """Offsets of the stream's line breaks that stand for empty lines of the document, in
    order: where a paragraph or a title ends. Not a page break (its furniture lies
    between), where a name may go on; and none in a text that sets an empty line after most
    lines (a PDF extracted double-spaced), where an empty line ends nothing.

    >>> from loaders.models import SourceText
    >>> lines = ("Netzwerk Nord", "", "Vielfalt im Dienst", "Der Text", "geht weiter.")
    >>> clean = CleanText(SourceText("t", "t", lines, (None,) * 5, ""), lines, (False,) * 5)
    >>> paragraph_breaks(clean, build_stream(clean))
    (13,)
    """
    breaks = []
    for k in range(1, len(stream.lines)):
        between = range(stream.lines[k - 1], stream.lines[k] - 1)  # 0-based lines between
        if between and not any(clean.noise[j] for j in between):  # empty lines only
            breaks.append(stream.starts[k] - 1)
    return tuple(breaks) if len(breaks) <= _MOSTLY_SPACED * len(stream.lines) else ()


# a sentence ends at . ! ? ; before white space and an upper-case letter, a digit, a quote,
# a bullet or a paragraph's mark ("§ 2", "(3)"), or where a new bullet/list item starts on a
# new line, or at a tab/• separator
_SENTENCE_END = re.compile(
    # a whole line "Title | Publisher" before a text line is a byline or running header the
    # cleaner did not flag (it occurs once): it is cut out and belongs to no sentence
    r"(?:\n|(?<![^\n]))[^\n|.!?]{1,80} \| [^\n|!?]{1,80}\n(?=[A-ZÄÖÜ„])"
    r"|(?<=[.!?;:])\s+(?=[A-ZÄÖÜ0-9„\"•*>§(-])(?<!\b[a-zA-Z]\.\s)(?<!\bz\.\s)"
    r"(?<!\s\d\.\s)(?<!\s\d\d\.\s)"  # "des 5. Deutschen Diversity-Tages": an ordinal
    r"(?<!\bSt\.\s)(?<!\bDr\.\s)(?<!\bProf\.\s)"  # "Landkreis St. Wendel", "Dr. Anna X"
    r"(?<!\bAbs\.\s)(?<!\bNr\.\s)(?<!\bArt\.\s)"  # "§ 2 Abs. 3", "Drucksache Nr. 17"
    r"|\n(?=\s*(?:[•▪◦➔>*-]|– |\d+\.\s|[A-ZÄÖÜ][^\n]{0,60}:\s))"
    r"|\s*•\s*"
    r"|\n(?=[A-ZÄÖÜ][^\n.!?]{0,80}\n[A-ZÄÖÜ])"
)


def split_sentences(stream: TextStream, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences (or list items) of ``stream.text[start:end]`` with their offsets."""
    stop = len(stream.text) if end is None else end
    out: list[Sentence] = []
    cursor = start
    for match in _SENTENCE_END.finditer(stream.text, start, stop):
        if match.start() > cursor:
            out.append(Sentence(cursor, match.start(), stream.text[cursor : match.start()]))
        cursor = match.end()
    if cursor < stop:
        out.append(Sentence(cursor, stop, stream.text[cursor:stop]))
    out = _headings_apart(stream.text, out, _line_width(stream.text[start:stop]))
    return _join_open_quotes(stream.text, _values_apart(stream.text, out))


_HEADING_WIDTH = 0.6  # of a text's usual line: a shorter line without a full stop is a heading


def _line_width(text: str) -> int:
    """The usual length of a text's lines (the median of its non-empty ones)."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    return lengths[len(lengths) // 2] if lengths else 0


def _headings_apart(text: str, sentences: list[Sentence], width: int) -> list[Sentence]:
    r"""A short line that opens a sentence, ends without punctuation and is followed by a
    capitalised line is a heading ("TOP 3  Rückblick Betriebserkundungen 2024"), not the
    start of the sentence below it: the names in a heading state no link with the names
    of the text under it.

    >>> text = "TOP 3  Rückblick\nDie Stadt Detmold lädt alle Partner zum Fest im Mai ein."
    >>> [s.text for s in _headings_apart(text, [Sentence(0, len(text), text)], 50)]
    ['TOP 3  Rückblick', 'Die Stadt Detmold lädt alle Partner zum Fest im Mai ein.']
    """
    out: list[Sentence] = []
    for sentence in sentences:
        cut = sentence.text.find("\n")
        head = sentence.text[:cut].rstrip()
        if (
            cut > 0
            and (sentence.start == 0 or text[sentence.start - 1] == "\n")
            and len(head) < _HEADING_WIDTH * width
            and not head.endswith((".", ",", ";", ":", "!", "?", "-", "–"))
            and not continues_sentence(head)
            and sentence.text[cut + 1 : cut + 2].isupper()
        ):
            out.append(Sentence(sentence.start, sentence.start + len(head), head))
            out.append(Sentence(sentence.start + cut + 1, sentence.end, sentence.text[cut + 1 :]))
            continue
        out.append(sentence)
    return out


# "Druck:", "Träger der Maßnahme:": a label of an entry, not the start of a sentence
_LABEL = re.compile(r"[A-ZÄÖÜ][\w/-]*(?: [\w/-]+){0,3}:")
_CONTINUES = re.compile(r"([,;-]|\b(der|die|das|des|den|dem|und|oder|für|von|mit|zur|zum))$")


def continues_sentence(line: str) -> bool:
    """Whether a line breaks off mid-sentence (ends with a comma, article or preposition)."""
    return bool(_CONTINUES.search(line[-6:]))  # the longest ending word has four letters


def _values_apart(text: str, sentences: list[Sentence]) -> list[Sentence]:
    r"""The value of a labelled entry line ("Druck: Muster Print GmbH, Bonn") ends with its
    line: the text below it does not go on with it (a value running on over the line break,
    after a comma or into a lower-case word, stays).

    >>> text = "Druck: Muster Print GmbH, Bonn\nDie Stadt Musterstadt lädt ein."
    >>> parts = [Sentence(0, 6, "Druck:"), Sentence(7, len(text), text[7:])]
    >>> [s.text for s in _values_apart(text, parts)]
    ['Druck:', 'Muster Print GmbH, Bonn', 'Die Stadt Musterstadt lädt ein.']
    """
    out: list[Sentence] = []
    for sentence in sentences:
        prev = out[-1] if out else None
        cut = sentence.text.find("\n")
        if (
            prev is not None
            and _LABEL.fullmatch(prev.text)
            and "\n" not in text[prev.end : sentence.start]
            and cut > 0
            and not continues_sentence(sentence.text[:cut].rstrip())
            and sentence.text[cut + 1 : cut + 2].isupper()
        ):
            out.append(Sentence(sentence.start, sentence.start + cut, sentence.text[:cut]))
            out.append(Sentence(sentence.start + cut + 1, sentence.end, sentence.text[cut + 1 :]))
            continue
        out.append(sentence)
    return out


_QUOTE_JOIN_MAX = 240  # a quoted name is short; a longer piece is a real sentence
_OPEN_QUOTE = re.compile(r"„|(?:(?<=\s)|^),(?=[A-ZÄÖÜ])")
_CLOSE_QUOTE = re.compile(r"[“”®*]")


def _join_open_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """A name in quotes may contain "!" or "." ("„Vielfalt verbindet! Öffnung ...“"):
    a sentence that leaves a quote open continues into the next one."""
    out: list[Sentence] = []
    joined = False
    for sentence in sentences:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not joined
            and len(prev.text) < _QUOTE_JOIN_MAX
            and len(sentence.text) < _QUOTE_JOIN_MAX
            and prev.text.rstrip()[-1:] in "!?."
            and sentence.start - prev.end <= 3
            and _open_quotes(prev.text) > 0
        ):
            out[-1] = Sentence(prev.start, sentence.end, text[prev.start : sentence.end])
            joined = True
            continue
        joined = False
        out.append(sentence)
    return out


def _open_quotes(text: str) -> int:
    if "„" not in text and "," not in text:
        return 0
    return len(_OPEN_QUOTE.findall(text)) - len(_CLOSE_QUOTE.findall(text))


QUOTE_CHARS = 300
_EMPHASIS = re.compile(r"\*\*|__")


def quote(sentence: str, limit: int = QUOTE_CHARS) -> str:
    """A sentence as evidence: one line, without list marks or markdown emphasis, and at
    most ``limit`` characters cut at a word boundary, so a quote reads as printed text.

    >>> quote("> **Partner:**  die Stadt\\nKöln ")
    'Partner: die Stadt Köln'
    """
    text = " ".join(_EMPHASIS.sub("", sentence).split())
    text = text.lstrip(">•▪◦➔*–—- ")
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:–-")
