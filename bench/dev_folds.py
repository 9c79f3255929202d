"""Dev references scored by fold, split over processes: the measurement behind the "dev by
fold" rows of BENCHMARKS.md.

usage:
    python bench/dev_folds.py --folds DIR --part 1/2 --out part1.json   # one process each
    python bench/dev_folds.py --folds DIR --part 2/2 --out part2.json
    python bench/dev_folds.py --merge part1.json part2.json            # micro figures
    python bench/dev_folds.py --folds DIR --held-fixed --out now.json  # another code, same models

Every fold's three models are trained on **all** other dev folds, as `vielfalt eval
--auslassen` does; a part only chooses which folds this process scores. (Sessions 30 and 31
split the folds with a script that also split the training references, so each fold's models
saw only its own half: see BENCHMARKS.md, session 32.) The models are kept in ``--folds``
under a digest of their training references, so a second code can be scored with the same
models (``--held-fixed``: never trains, and stops at a missing model). That measures a rule
change without the retraining noise of features the change moved (`evaluate`'s
``fold_models``). Needs ``EVAL_DIR`` like `vielfalt eval`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from loaders.errors import InputError
from loaders.evaluation import (
    Row,
    _score,
    _Trainer,
    block_line_accuracy,
    load_manifest,
    micro,
)

__all__ = ["main", "score_part", "summary"]

_KEYS = ("organisations", "programmes", "links", "block_lines_accuracy")


def score_part(folder: Path, part: int, parts: int, held_fixed: bool = False) -> dict[str, Any]:
    """The scorer's figures of the dev references in every ``parts``-th fold from ``part``
    (1-based), each by the models trained without its fold."""
    refs = [r for r in load_manifest() if r.role == "dev"]
    folds = sorted({r.fold for r in refs})
    mine = set(folds[part - 1 :: parts])
    trainer = _Trainer(refs, folder)
    out: dict[str, Any] = {}
    models: dict[str, tuple[Path, Path, Path]] = {}
    for ref in refs:
        if ref.fold not in mine:
            continue
        if ref.fold not in models:
            models[ref.fold] = trainer.fold_models(ref.fold, train=not held_fixed)
        scores = _score(ref, models[ref.fold])
        out[ref.name] = {k: scores.get(k) for k in _KEYS}
        print(ref.name, file=sys.stderr, flush=True)
    return out


def summary(scores: dict[str, Any]) -> str:
    """Micro F1 (precision, recall) per kind and the block lines of the references scored."""
    names = {r.name: r for r in load_manifest()}
    rows = [Row(names[n], s, True) for n, s in scores.items()]
    parts = []
    for key in _KEYS[:3]:
        m = micro(rows, key)
        parts.append(f"{key} {m['f1']:.3f} (P {m['precision']:.3f} R {m['recall']:.3f})")
    with_blocks = sum(1 for r in rows if r.scores.get("block_lines_accuracy") is not None)
    blocks = block_line_accuracy(rows)
    parts.append(f"block lines {blocks or 0:.3f} ({with_blocks})")
    return f"{len(rows)} references: " + ", ".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=Path, help="folder of the fold models (kept, reused)")
    parser.add_argument("--part", default="1/1", help="K/N: score every N-th fold from the K-th")
    parser.add_argument("--held-fixed", action="store_true", help="never train, reuse only")
    parser.add_argument("--out", type=Path, help="JSON of the scores per reference")
    parser.add_argument("--merge", nargs="+", type=Path, help="JSON files of parts to sum up")
    args = parser.parse_args(argv)
    if args.merge:
        scores: dict[str, Any] = {}
        for path in args.merge:
            scores.update(json.loads(path.read_text(encoding="utf-8")))
        print(summary(scores))
        return
    if args.folds is None:
        parser.error("--folds fehlt")
    part, parts = (int(x) for x in args.part.split("/"))
    if not 1 <= part <= parts:
        parser.error(f"--part {args.part}: K muss zwischen 1 und N liegen")
    args.folds.mkdir(parents=True, exist_ok=True)
    try:
        scores = score_part(args.folds, part, parts, args.held_fixed)
    except InputError as error:
        raise SystemExit(f"Fehler: {error}") from None
    if args.out:
        args.out.write_text(json.dumps(scores, ensure_ascii=False), encoding="utf-8")
    print(summary(scores))


if __name__ == "__main__":
    main()
