"""The conditional random field: train it, load it, tag a document with it.

CRFsuite (through python-crfsuite) trains with L-BFGS, which is deterministic for the same
sequences in the same order, so the committed model file is reproduced exactly by
``vielfalt train`` from the committed references.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycrfsuite

from loaders.errors import InputError
from loaders.learn.features import Features, Item

__all__ = [
    "MODEL_FILE",
    "PARAMS",
    "LINK_PARAMS",
    "HEADING_PARAMS",
    "train_model",
    "load_tagger",
    "tag",
    "Sequence_",
]

MODEL_FILE = Path(__file__).with_name("mentions.crfsuite")
# L1 keeps the model small (most of the ~200k candidate features get weight 0), L2
# smooths; chosen on the dev references held out by fold (BENCHMARKS.md, session 22: with
# 72 references c1 0.1 beat 0.05 on organisations, programmes and links).
PARAMS = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}

# the link classifier sees one candidate per sequence: no transitions to learn
LINK_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 300}
# so does the heading classifier; it has few positives (a few hundred names from some
# forty brochures), and a weaker L1 keeps the features of a form's size that let it read a
# layout it has not seen. Chosen on the dev brochures held out by fold (BENCHMARKS.md,
# session 30: c1 0.03 read them as well as 0.1 and split no dev text without blocks).
HEADING_PARAMS = {"c1": 0.03, "c2": 0.01, "max_iterations": 300}

# a sequence's tokens as feature dicts or as their attribute lists (the same to CRFsuite)
Sequence_ = tuple[list[Features] | list[Item], list[str]]


def train_model(
    sequences: Iterable[Sequence_], path: Path, params: dict[str, Any] | None = None
) -> Path:
    """Train on (features, labels) sequences and write the model to ``path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for xseq, yseq in sequences:
        trainer.append(xseq, yseq)
        count += 1
    if not count:
        raise InputError(str(path), "keine Trainingssätze: die Referenzen decken keinen Text ab")
    trainer.set_params({**PARAMS, **(params or {})})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path


@lru_cache(maxsize=8)
def load_tagger(path: Path = MODEL_FILE) -> pycrfsuite.Tagger | None:
    """The tagger of the model at ``path``; None when there is no model file."""
    if not path.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def tag(tagger: pycrfsuite.Tagger, xseq: Sequence[Features] | Sequence[Item]) -> list[str]:
    """The most likely label of every token of one sequence."""
    return list(tagger.tag(list(xseq)))
