"""The naming patterns that begin with ``\\b`` find through ``word_matches`` exactly what
``finditer`` finds, whether ``re`` can jump through the rest of the pattern or not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.clean.repair import clean
from loaders.clean.textstream import build_stream
from loaders.evaluation import TEXTS_DIR
from loaders.mentions import patterns, programmes
from loaders.scan import _rest, word_matches
from loaders.source.files import read_source

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
EDGES = [
    "Stadt Essen, Hansestadt Bremen, GroßStadt Köln, Stadt\nEssen",
    "Landkreis Kassel und Bezirksregierung Münster; xBezirksregierung Köln",
    "Dezernate 11 und 36 (Integration), Dezernate 4, 5",
    "",
]
PATTERNS = [
    *(regex for regex, _type in patterns._ORG_RE),
    patterns._UNIT_RE,
    patterns._UNIT_LIST_RE,
    programmes._PROGRAMME_PLAIN_RE,
    programmes._LAW_RE,
    re.compile(r"\bfoo|bar"),
]


def _texts() -> list[str]:
    paths = sorted(CORPUS.glob("*.txt")) + sorted(TEXTS_DIR.glob("*.txt"))
    if not paths:
        pytest.skip("no texts beside the repository")
    streams = [build_stream(clean(read_source(p))).text for p in paths]
    return streams + EDGES


def test_word_matches_equal_finditer():
    found = 0
    texts = _texts()
    for regex in PATTERNS:
        for text in texts:
            expected = [(m.span(), m.groups()) for m in regex.finditer(text)]
            assert [(m.span(), m.groups()) for m in word_matches(regex, text)] == expected
            found += len(expected)
    assert found > 500


def test_only_patterns_re_can_jump_through_are_split():
    assert _rest(re.compile(r"\bBezirksregierung\s+\w+")) is not None
    assert _rest(re.compile(r"\b(?:Stadt|Gemeinde)\s+\w+")) is not None
    assert _rest(re.compile(r"\b[Jj]obcenter")) is not None
    assert _rest(re.compile(r"\b(?:(?:\w+-)?Kreis|Kreisverwaltung)")) is None
    assert _rest(re.compile(r"\b(?:Bundes)?ministerium")) is None
    assert _rest(re.compile(r"Stadt\b")) is None
    assert _rest(re.compile(r"\bstadt", re.IGNORECASE)) is None
