"""Mentions of one document by the model: the stage between the rules and resolution.

stream + rule mentions -> tokens -> features -> tags -> spans -> mentions
"""

from __future__ import annotations

from collections.abc import Sequence

import pycrfsuite

from loaders.learn.crf import tag
from loaders.learn.decode import spans_of, to_mentions
from loaders.learn.features import Features, Item, token_features, token_items
from loaders.learn.tokens import Token, sentence_spans, tokenize
from loaders.mention_model import Mention
from loaders.textstream import TextStream

__all__ = ["document_features", "document_items", "model_mentions"]


def document_features(
    stream: TextStream, rule_mentions: Sequence[Mention]
) -> tuple[list[Token], list[Features], list[tuple[int, int]]]:
    """Tokens, their features and the sequences the model labels one at a time."""
    tokens = tokenize(stream.text)
    features = token_features(tokens, stream.text, rule_mentions)
    return tokens, features, sentence_spans(tokens, stream.text)


def document_items(
    stream: TextStream, rule_mentions: Sequence[Mention]
) -> tuple[list[Token], list[Item], list[tuple[int, int]]]:
    """:func:`document_features` as CRFsuite attribute lists (what tagging and training use)."""
    tokens = tokenize(stream.text)
    items = token_items(tokens, stream.text, rule_mentions)
    return tokens, items, sentence_spans(tokens, stream.text)


def model_mentions(
    stream: TextStream, rule_mentions: Sequence[Mention], tagger: pycrfsuite.Tagger
) -> list[Mention]:
    """The mentions the model finds in ``stream``, given what the rules found."""
    tokens, items, sequences = document_items(stream, rule_mentions)
    spans: list[tuple[int, int, str]] = []
    for begin, end in sequences:
        tags = tag(tagger, items[begin:end])
        spans.extend((begin + a, begin + b, label) for a, b, label in spans_of(tags))
    return to_mentions(stream.text, tokens, spans, rule_mentions)
