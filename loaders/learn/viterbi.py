"""CRFsuite's tagging of a whole document at once, in numpy, with CRFsuite's arithmetic.

Why: handing the model 1.3 million attribute strings token by token (python-crfsuite
builds a C++ item of every one) cost more than all the rules. Here a document's features
arrive as shared attribute lists (:func:`loaders.learn.features.token_layout`), each
looked up once, and all its sequences are decoded together.

The result is CRFsuite's, not an approximation of it: the weights are read from the model
file as the doubles CRFsuite stores; a token's label scores are summed attribute by
attribute in the token's attribute order (``crf1dt_state_score``; an attribute the model
does not know, or a padding slot, adds 0.0, which changes no sum); Viterbi adds, compares
and breaks ties (first maximum) as ``crf1dc_viterbi`` does. A test compares the tags with
python-crfsuite's on every corpus document.

Model file layout (CRFsuite 0.12, ``crf1d_model.c``, little-endian): a header of four
bytes and eleven uint32; a ``FEAT`` chunk of (type, source, target, weight) records, type 0
an attribute's weight for a label, type 1 a transition; labels and attributes as CQDB
string databases, read through their id-ordered backward arrays.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from loaders.errors import InputError

__all__ = ["CompiledModel", "compile_model", "load_model", "state_scores", "decode"]


@dataclass(frozen=True)
class CompiledModel:
    labels: tuple[str, ...]
    attribute_ids: dict[bytes, int]  # unknown attributes: ``zero``
    weights: np.ndarray  # (attributes + 1, labels); the last row is all 0.0
    transitions: np.ndarray  # (labels, labels): from, to

    @property
    def zero(self) -> int:
        return len(self.weights) - 1


def _strings(data: bytes, offset: int) -> list[bytes]:
    """The strings of a CQDB chunk at ``offset``, by id."""
    chunk, _size, _flag, _order, count, backward = struct.unpack_from("<4s5I", data, offset)
    if chunk != b"CQDB":
        raise ValueError("no CQDB chunk")
    out = []
    for (record,) in struct.iter_unpack(
        "<I", data[offset + backward : offset + backward + 4 * count]
    ):
        _id, size = struct.unpack_from("<II", data, offset + record)
        start = offset + record + 8
        out.append(data[start : start + size - 1])  # without the closing NUL
    return out


def compile_model(path: Path) -> CompiledModel:
    """The model at ``path`` as numpy arrays (read again only when the file changed)."""
    stat = path.stat()
    return _compile(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _compile(path: Path, _mtime_ns: int, _size: int) -> CompiledModel:
    data = path.read_bytes()
    try:
        magic, _size, kind, _version, *counts = struct.unpack_from("<4sI4sI8I", data, 0)
        _n, n_labels, n_attrs, off_features, off_labels, off_attrs, _lr, _ar = counts
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a CRFsuite CRF1d model")
        chunk, _chunk_size, n_features = struct.unpack_from("<4sII", data, off_features)
        if chunk != b"FEAT":
            raise ValueError("no FEAT chunk")
        features = np.frombuffer(
            data,
            dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
            count=n_features,
            offset=off_features + 12,
        )
        labels = tuple(s.decode() for s in _strings(data, off_labels))
        attributes = _strings(data, off_attrs)
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"Modelldatei nicht lesbar ({exc})") from exc
    if len(labels) != n_labels or len(attributes) != n_attrs:
        raise InputError(str(path), "Modelldatei nicht lesbar (Zählungen stimmen nicht)")
    weights = np.zeros((n_attrs + 1, n_labels))
    transitions = np.zeros((n_labels, n_labels))
    state = features["type"] == 0
    weights[features["src"][state], features["dst"][state]] = features["w"][state]
    trans = features["type"] == 1
    transitions[features["src"][trans], features["dst"][trans]] = features["w"][trans]
    ids = {a: i for i, a in enumerate(attributes)}
    return CompiledModel(labels, ids, weights, transitions)


def state_scores(model: CompiledModel, slots: np.ndarray) -> np.ndarray:
    """Label scores of each token (rows of ``slots``: attribute ids in the token's order,
    padded with ``model.zero``), summed slot by slot as CRFsuite sums them."""
    scores = np.zeros((len(slots), len(model.labels)))
    taken = np.empty_like(scores)
    # slot by slot: the slots' columns made contiguous once, each weight row taken into
    # one buffer (the same sums in the same order, without a strided read or a new array)
    for column in np.ascontiguousarray(slots.T):
        np.take(model.weights, column, axis=0, out=taken)
        scores += taken
    return scores


def decode(
    model: CompiledModel, scores: np.ndarray, sequences: Sequence[tuple[int, int]]
) -> list[list[str]]:
    """The Viterbi labels of each (begin, end) token range of ``scores``."""
    if not sequences:
        return []
    n_labels = len(model.labels)
    lengths = np.array([end - begin for begin, end in sequences])
    longest, n = int(lengths.max()), len(sequences)
    # sequences side by side, step by step; steps past a sequence's end are not read. Step
    # first: each step's numbers lie together in memory, so a step reads one block
    state = np.zeros((longest, n, n_labels))
    for k, (begin, end) in enumerate(sequences):
        state[: end - begin, k] = scores[begin:end]
    alpha = np.empty_like(state)
    back = np.zeros((longest, n, n_labels), dtype=np.intp)
    alpha[0] = state[0]
    trans = model.transitions
    rows, columns = np.arange(n)[:, None], np.arange(n_labels)[None, :]
    for t in range(1, longest):
        # score of (t-1, i) -> (t, j) is prev[i] + trans[i][j]; first maximum over i wins,
        # and the maximum is read where argmax found it (the same number, one pass fewer)
        candidates = alpha[t - 1, :, :, None] + trans[None, :, :]
        best = candidates.argmax(axis=1)
        back[t] = best
        alpha[t] = candidates[rows, best, columns] + state[t]
    sequence = np.arange(n)
    labels = np.zeros((longest, n), dtype=np.intp)
    labels[lengths - 1, sequence] = alpha[lengths - 1, sequence].argmax(axis=1)
    for t in range(longest - 2, -1, -1):
        inside = t < lengths - 1
        labels[t, inside] = back[t + 1, inside, labels[t + 1, inside]]
    names = model.labels
    return [
        [names[x] for x in row[:length]]
        for row, length in zip(labels.T.tolist(), lengths.tolist(), strict=True)
    ]


def load_model(path: Path) -> CompiledModel | None:
    """The compiled model at ``path``; None when there is no model file."""
    return compile_model(path) if path.is_file() else None
