"""Tokens of a text stream with their offsets: the unit the sequence model labels.

Words keep their inner hyphens, dots and ampersands ("Rhein-Sieg-Kreis", "welcome.ruhr");
a dot after a word, quotes and brackets are tokens of their own, because they often delimit
a name ("e. V." is "e", ".", "V", ".").

>>> [t.text for t in tokenize("Die Caritas (Essen) e. V. – „Projekt X“!")]
['Die', 'Caritas', '(', 'Essen', ')', 'e', '.', 'V', '.', '–', '„', 'Projekt', 'X', '“', '!']
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "tokenize", "sentence_spans"]

_TOKEN = re.compile(r"[\wÄÖÜäöüß]+(?:[-'’+.&/][\wÄÖÜäöüß]+)*[-+]?|#[\wÄÖÜäöüß-]+|\S")
_SENTENCE_END = re.compile(r"[.!?:;]$")
_SENTENCE_MARKS = frozenset(".!?")  # a token that is one of these ends a sentence


class Token(NamedTuple):
    """One token: its text and its offsets in the stream.

    A named tuple, not a frozen dataclass: a document has tens of thousands of tokens, and
    a frozen dataclass takes several times as long to make (it sets each field through
    ``object.__setattr__``).
    """

    text: str
    start: int
    end: int
    line_start: bool  # first token of its line


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` in order."""
    out: list[Token] = []
    find = text.find
    end = -1  # of the token before; tokens hold no line break, so a token starts a line
    for match in _TOKEN.finditer(text):  # when a break lies between it and the one before
        start = match.start()
        out.append(Token(match.group(), start, match.end(), end < 0 or find("\n", end, start) >= 0))
        end = match.end()
    return out


def sentence_spans(tokens: list[Token], text: str, max_len: int = 60) -> list[tuple[int, int]]:
    """Token index ranges the model labels as one sequence.

    A sequence ends after a sentence mark followed by a capital, at a blank paragraph, or
    after ``max_len`` tokens at a line break (brochure lists have no full stops).
    """
    spans: list[tuple[int, int]] = []
    begin = 0
    last = len(tokens) - 1
    count = text.count
    for i, tok in enumerate(tokens):
        if i == last:
            spans.append((begin, i + 1))
            break
        nxt = tokens[i + 1]
        end_here = False
        if tok.text in _SENTENCE_MARKS and nxt.text[:1].isupper():
            prev = tokens[i - 1].text if i > 0 else ""
            end_here = not (len(prev) <= 2 and prev[:1].isalpha())  # "e. V.", "z. B."
        breaks = count("\n", tok.end, nxt.start)  # in the gap, without copying it
        if breaks >= 2 or (breaks and i + 1 - begin >= max_len) or nxt.text == "•":
            end_here = True
        if end_here:
            spans.append((begin, i + 1))
            begin = i + 1
    return spans
