"""The fast path of the mention model gives the model exactly what the feature dicts give
(the same attributes in the same order), and the numpy tagger gives python-crfsuite's
tags on every sequence of every corpus document."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.clean.repair import clean
from loaders.clean.textstream import build_stream
from loaders.learn.crf import MODEL_FILE, load_tagger, tag
from loaders.learn.features import Features, token_features, token_items, token_layout
from loaders.learn.relations import LINK_MODEL
from loaders.learn.tagging import tag_document
from loaders.learn.tokens import sentence_spans, tokenize
from loaders.learn.viterbi import compile_model
from loaders.mentions.find import find_mentions
from loaders.reference import load_reference
from loaders.sections.learnt import HEADING_MODEL
from loaders.source.files import read_source

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
    sequences = sentence_spans(tokens, stream.text)
    for begin, end in sequences[::7]:
        assert tag(tagger, items[begin:end]) == tag(tagger, feats[begin:end])
    model = compile_model(MODEL_FILE)
    ids, zero = model.attribute_ids, model.zero
    layout = token_layout(tokens, stream.text, mentions, lambda a: ids.get(a, zero))
    expected = [tag(tagger, items[begin:end]) for begin, end in sequences]
    assert tag_document(model, layout, sequences) == expected


@pytest.mark.parametrize("path", [MODEL_FILE, LINK_MODEL, HEADING_MODEL])
def test_model_file_read_as_crfsuite_reads_it(path):
    model = compile_model(path)
    tagger = load_tagger(path)
    assert tagger is not None
    assert list(model.labels) == tagger.labels()
    info = tagger.info()
    assert set(model.attribute_ids) == {a.encode() for a in info.attributes}
    label = model.labels.index
    for (attribute, name), weight in info.state_features.items():  # printed with 6 decimals
        row = model.weights[model.attribute_ids[attribute.encode()]]
        assert row[label(name)] == pytest.approx(weight, abs=1e-6), attribute
    for (first, second), weight in info.transitions.items():
        assert model.transitions[label(first), label(second)] == pytest.approx(weight, abs=1e-6)
    assert not model.weights[model.zero].any()
