"""Mentions of one document by the model: the stage between the rules and resolution.

stream + rule mentions -> tokens -> features -> tags -> spans -> mentions
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np

from loaders.clean.textstream import TextStream
from loaders.learn.decode import spans_of, to_mentions
from loaders.learn.features import Features, TokenLayout, token_features, token_layout
from loaders.learn.tokens import Token, sentence_spans, tokenize
from loaders.learn.viterbi import CompiledModel, decode, state_scores
from loaders.mentions.model import Mention

__all__ = ["document_features", "model_mentions", "layout_slots", "tag_document"]


def document_features(
    stream: TextStream, rule_mentions: Sequence[Mention]
) -> tuple[list[Token], list[Features], list[tuple[int, int]]]:
    """Tokens, their features and the sequences the model labels one at a time."""
    tokens = tokenize(stream.text)
    features = token_features(tokens, stream.text, rule_mentions)
    return tokens, features, sentence_spans(tokens, stream.text)


def layout_slots(model: CompiledModel, layout: TokenLayout[int]) -> np.ndarray:
    """Each token's attribute ids in its attribute order, padded with ``model.zero``."""
    zero = model.zero
    lengths = np.fromiter(map(len, layout.blocks), dtype=np.intp, count=len(layout.blocks))
    flat = np.fromiter(chain.from_iterable(layout.blocks), dtype=np.intp, count=int(lengths.sum()))
    parts = layout.parts
    n = len(parts)
    # each token's blocks in order are ranges of ``flat``: read them all in one gather
    # (not every block padded to the widest one, then the padding masked out again)
    piece_lengths = lengths[parts].ravel()
    piece_starts = (np.cumsum(lengths) - lengths)[parts].ravel()
    before = np.cumsum(piece_lengths) - piece_lengths  # attributes of the earlier pieces
    total = int(piece_lengths.sum())
    values = flat[np.repeat(piece_starts - before, piece_lengths) + np.arange(total)]
    counts = piece_lengths.reshape(parts.shape).sum(axis=1)
    left = np.fromiter(chain([zero], layout.left), dtype=np.intp, count=n)
    right = np.fromiter(chain(layout.right, [zero]), dtype=np.intp, count=n)
    # the blocks' attributes moved together (order kept), then the two word pairs
    width = int(counts.max(initial=0))
    slots = np.full((n, width + 2), zero, dtype=np.intp)
    head = slots[:, :width]  # a view: filling it fills ``slots``
    head[np.arange(width) < counts[:, None]] = values
    rows = np.arange(n)
    slots[rows, counts] = left
    slots[rows, counts + 1] = right
    return slots


def tag_document(
    model: CompiledModel, layout: TokenLayout[int], sequences: Sequence[tuple[int, int]]
) -> list[list[str]]:
    """The model's labels of every sequence of a document (CRFsuite's, see viterbi)."""
    if not len(layout.parts):
        return [[] for _ in sequences]
    return decode(model, state_scores(model, layout_slots(model, layout)), sequences)


def model_mentions(
    stream: TextStream, rule_mentions: Sequence[Mention], model: CompiledModel
) -> list[Mention]:
    """The mentions the model finds in ``stream``, given what the rules found."""
    tokens = tokenize(stream.text)
    ids, zero = model.attribute_ids, model.zero
    layout = token_layout(tokens, stream.text, rule_mentions, lambda a: ids.get(a, zero))
    sequences = sentence_spans(tokens, stream.text)
    spans: list[tuple[int, int, str]] = []
    for (begin, _end), tags in zip(sequences, tag_document(model, layout, sequences), strict=True):
        spans.extend((begin + a, begin + b, label) for a, b, label in spans_of(tags))
    return to_mentions(stream.text, tokens, spans, rule_mentions)
