"""Link model and threshold judged on the dev references held out in ten groups: the
measurement behind LINK_THRESHOLD and the link rows of BENCHMARKS.md, session 35.

usage:
    python bench/link_groups.py --folder DIR --thresholds 0.5,0.35 [--groups 0,1]

The full protocol (`bench/dev_folds.py`) trains three models for each of some hundred folds,
more than an hour on two cores. A change to the link stage needs less: the references are
put in ten groups by their fold (a fold's references stay together), and for each group the
mention and heading models are trained once without it (kept in ``--folder``); the link
model is trained on the other groups' references as `vielfalt train` trains it, and the
group's references are scored with each threshold. A second run with other link code
retrains only the link model (delete ``g*.links.crfsuite``). Needs ``EVAL_DIR``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import loaders.evaluation as evaluation
import loaders.learn.relations as relations
from loaders.evaluation import Row, _score, _Trainer, load_manifest, micro

__all__ = ["group_of", "main"]

GROUPS = 10


def group_of(fold: str) -> int:
    """The group of a fold: stable across runs and machines."""
    return int(hashlib.sha1(fold.encode()).hexdigest(), 16) % GROUPS


def _models(group: int, refs: list[evaluation.ReferenceFile], folder: Path) -> tuple[Path, ...]:
    train = [r for r in refs if group_of(r.fold) != group]
    mentions, links, headings = (
        folder / f"g{group}.{k}.crfsuite" for k in ("mentions", "links", "headings")
    )
    trainer = _Trainer(train, folder)
    if not (mentions.is_file() and headings.is_file()):
        trainer.train_headings(train, headings)
        trainer.train_mentions(train, mentions)
    if not links.is_file():
        trainer.train_links(train, mentions, headings, links)
    return mentions, links, headings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--thresholds", default=str(relations.LINK_THRESHOLD))
    parser.add_argument("--groups", default=",".join(map(str, range(GROUPS))))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    refs = [r for r in load_manifest() if r.role == "dev"]
    scores: dict[float, list[Row]] = {t: [] for t in thresholds}
    for group in map(int, args.groups.split(",")):
        m, lm, h = _models(group, refs, args.folder)
        for t in thresholds:
            relations.LINK_THRESHOLD = t
            evaluation._EXTRACTIONS.clear()
            scores[t].extend(
                Row(r, _score(r, (m, lm, h)), True) for r in refs if group_of(r.fold) == group
            )
        print(f"group {group}", file=sys.stderr, flush=True)
    out = {}
    for t, rows in scores.items():
        figures = {k: micro(rows, k) for k in ("organisations", "programmes", "links")}
        out[t] = figures
        o, p, links = (figures[k] for k in ("organisations", "programmes", "links"))
        print(
            f"threshold {t}: {len(rows)} references, organisations {o['f1']:.4f}, programmes "
            f"{p['f1']:.4f}, links {links['f1']:.4f} "
            f"(P {links['precision']:.4f} R {links['recall']:.4f})"
        )
    if args.out:
        args.out.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
