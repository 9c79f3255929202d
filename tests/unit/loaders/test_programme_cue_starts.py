"""Quoted programme names are looked for only where a cue word can begin, and that finds
exactly what running every pattern over the whole text finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.clean.repair import clean
from loaders.clean.textstream import build_stream
from loaders.evaluation import TEXTS_DIR
from loaders.mentions.programmes import _PROGRAMME_QUOTED_RE, _cue_starts, _matches
from loaders.source.files import read_source

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
EDGES = [
    "das Projekt „Vielfalt wirkt“ und die Kampagne „A“ und „B“",
    "im Projektdes „Glued“, im Projekt der „Article“, Projekt (  „Bracket“)",
    "die Kampagnen\n\n   „Weit weg“ und Netzwerkplattform „NRW vernetzt“",
    "Modellprojekt ,,Komma“ und Motto „#IchDuWir“; Aktion»Ohne Raum«",
    "„Anfang“ ohne Wort davor, Wettbewerbs „X Y“ Fachtagung „Z“ Masterplan „M“",
    "",
]


def _texts() -> list[str]:
    paths = sorted(CORPUS.glob("*.txt")) + sorted(TEXTS_DIR.glob("*.txt"))
    if not paths:
        pytest.skip("no texts beside the repository")
    streams = [build_stream(clean(read_source(p))).text for p in paths]
    return streams + [p.read_text(encoding="utf-8") for p in paths] + EDGES


def test_matches_at_cue_starts_equal_finditer():
    found = 0
    for text in _texts():
        starts = _cue_starts(text)
        for regex, _kind in _PROGRAMME_QUOTED_RE:
            expected = [(m.span(), m.groups()) for m in regex.finditer(text)]
            assert [(m.span(), m.groups()) for m in _matches(regex, text, starts)] == expected
            found += len(expected)
    assert found > 100
