"""The heading classifier held out by fold: how well it reads the dev brochures, and at
which threshold (`HEADING_THRESHOLD`, `_MIN_BLOCKS` in `loaders/sections`).

usage: python bench/heading_folds.py [--thresholds 0.5,0.3,0.2] [--without-rules]

For every fold of the dev references, the heading model is trained on the other folds
(as `vielfalt eval --auslassen` does), and each dev brochure of the fold is split with it:

* by default, the brochures whose field chapters are not found (the classifier's own path);
* with ``--without-rules``, the brochures with field chapters found, the layout rules'
  names taken away: what the classifier reads where the rules read nothing.

Prints each brochure's block lines (the contract scorer's share of report lines given to the
right partner), their mean, and the dev texts without reference blocks that were split.
Needs ``EVAL_DIR`` like `vielfalt eval`.
"""

from __future__ import annotations

import argparse
import tempfile
from contextlib import nullcontext
from pathlib import Path
from unittest import mock

import loaders.sections.blocks as blocks
import loaders.sections.learnt as learnt
from loaders.clean.repair import clean
from loaders.evaluation import ReferenceFile, _same_name, load_manifest, scorer, text_of
from loaders.learn.crf import HEADING_PARAMS, train_model
from loaders.learn.training import heading_items
from loaders.models import Block
from loaders.sections.chapters import find_chapters
from loaders.source.files import read_source

__all__ = ["held_out_block_lines", "main"]


def held_out_block_lines(
    thresholds: list[float], without_rules: bool = False
) -> dict[float, tuple[dict[str, float], list[str]]]:
    """Per threshold: block lines of each dev brochure read, and the dev references of texts
    without reference blocks whose lines were split."""
    refs = [r for r in load_manifest() if r.role == "dev"]
    texts = {r.path: clean(read_source(text_of(r.data()["doc"]))) for r in refs}
    items = {
        r.path: list(heading_items(text_of(r.data()["doc"]), r.data(), _same_name)) for r in refs
    }
    out: dict[float, tuple[dict[str, float], list[str]]] = {t: ({}, []) for t in thresholds}
    brochures = {r.data()["doc"] for r in refs if r.data().get("blocks")}  # parts may have none
    no_rules = mock.patch.object(blocks, "partner_headings", return_value=[])
    with tempfile.TemporaryDirectory() as tmp, no_rules if without_rules else nullcontext():
        for fold in sorted({r.fold for r in refs}):
            mine = [r for r in refs if r.fold == fold]
            mine = [r for r in mine if bool(find_chapters(texts[r.path])) == without_rules]
            if not mine:
                continue
            model = Path(tmp) / f"{fold}.crfsuite"
            train_model(
                (s for r in refs if r.fold != fold for s in items[r.path]), model, HEADING_PARAMS
            )
            for threshold in thresholds:
                scores, split = out[threshold]
                with mock.patch.object(learnt, "HEADING_THRESHOLD", threshold):
                    for r in mine:
                        found = blocks.split_sections(texts[r.path], heading_model=model)
                        score = _block_lines(r, found)
                        if isinstance(score, float):
                            scores[r.name] = score
                        elif score == "split" and r.data()["doc"] not in brochures:
                            split.append(r.name)
    return out


def _block_lines(ref: ReferenceFile, found: tuple[Block, ...]) -> float | str | None:
    """The scorer's block lines of a reference with blocks; for one without, "split" if a
    block covers one of its lines."""
    mod = scorer()
    data = ref.data()
    gold = mod.load_gold([ref.path], None)[data["doc"]]
    if not data.get("blocks"):
        lines = [x for b in found for x in range(b.start, b.end + 1)]
        inside = any(gold["ranges"] is None or mod.in_ranges(x, gold["ranges"]) for x in lines)
        return "split" if inside else None
    cut = [
        {"partner": b.partner, "category": b.category, "start": b.start, "end": b.end}
        for b in found
    ]
    score: float | None = mod.score_doc({"doc": data["doc"], "blocks": cut}, gold).get(
        "block_lines_accuracy"
    )
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default=str(learnt.HEADING_THRESHOLD))
    parser.add_argument("--without-rules", action="store_true")
    args = parser.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    for threshold, (scores, split) in held_out_block_lines(thresholds, args.without_rules).items():
        mean = sum(scores.values()) / len(scores) if scores else 0.0
        each = " ".join(f"{name.split('_')[0]} {v:.3f}" for name, v in sorted(scores.items()))
        print(f"threshold {threshold}: mean {mean:.3f} over {len(scores)} | {each}")
        print(f"  split without reference blocks: {', '.join(split) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
