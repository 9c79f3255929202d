"""The fast path of the mention model gives the model exactly what the feature dicts give:
the same attributes in the same order, so the same tags (on every corpus document)."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.clean import clean
from loaders.learn.crf import load_tagger, tag
from loaders.learn.features import Features, token_features, token_items
from loaders.learn.tokens import sentence_spans, tokenize
from loaders.mentions import find_mentions
from loaders.reference import load_reference
from loaders.sources import read_source
from loaders.textstream import build_stream

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"


def _as_attributes(features: Features) -> list[bytes]:
    """What python-crfsuite makes of a feature dict (``key:value``, or ``key`` for 1.0)."""
    return [(f"{k}:{v}" if isinstance(v, str) else k).encode() for k, v in features.items()]


def test_items_on_a_text_whose_last_line_has_no_break():
    text = "Die Stadt Essen\n\nund der Caritas e. V. arbeiten zusammen"
    tokens = tokenize(text)
    feats = token_features(tokens, text, [])
    assert token_items(tokens, text, []) == [_as_attributes(f) for f in feats]
    assert "line.end" in feats[2] and "line.end" not in feats[0]
    assert all("line.end" in f for f in feats[3:])  # the last line: as the model learnt it


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")) or ["none"])
def test_items_equal_the_feature_dicts_and_tag_alike(name):
    path = CORPUS / name
    if not path.is_file():
        pytest.skip("the shared corpus is not beside the repository")
    stream = build_stream(clean(read_source(path)))
    mentions = find_mentions(stream, load_reference())
    tokens = tokenize(stream.text)
    feats = token_features(tokens, stream.text, mentions)
    items = token_items(tokens, stream.text, mentions)
    assert items == [_as_attributes(f) for f in feats]
    tagger = load_tagger()
    assert tagger is not None
    for begin, end in sentence_spans(tokens, stream.text)[::7]:
        assert tag(tagger, items[begin:end]) == tag(tagger, feats[begin:end])
