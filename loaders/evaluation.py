"""How well extraction generalises: every reference scored, the learnt parts left out.

The references (``bench/extraction_refs/references.yaml``) are of two roles. *Dev*
references may shape rules and train the mention model; each is scored by a model trained
without it (leave-one-fold-out: a fold is one document, one disjoint part of the brochure, or a
group of short texts). *Sealed* references are only ever scored, with the committed model. The
scorer is the project's contract scorer (``shared/eval/score_extraction.py``), loaded
from ``EVAL_DIR``, so our figures are the figures anyone else computes.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from loaders import scorer_prefilter
from loaders.errors import InputError
from loaders.extract import Analysis, analyse_document, extract_document, to_contract
from loaders.learn.crf import HEADING_PARAMS, LINK_PARAMS, MODEL_FILE, Sequence_, train_model
from loaders.learn.relations import LINK_MODEL
from loaders.learn.training import heading_items, link_items, reference_sequences
from loaders.reference import read_yaml
from loaders.sections.learnt import HEADING_MODEL
from queries.settings import REPO_ROOT, get_settings

__all__ = [
    "MANIFEST",
    "TEXTS_DIR",
    "ReferenceFile",
    "load_manifest",
    "train",
    "evaluate",
    "Row",
    "SCORED",
]

MANIFEST = REPO_ROOT / "bench" / "extraction_refs" / "references.yaml"
TEXTS_DIR = REPO_ROOT / "bench" / "extraction_texts"
SCORED = ("organisations", "programmes", "links")


@dataclass(frozen=True)
class ReferenceFile:
    path: Path
    role: str  # "dev" | "sealed"
    first_sight: dict[str, float] = field(default_factory=dict)
    fold: str = ""  # dev references of one fold are left out together

    @property
    def name(self) -> str:
        return self.path.stem

    def data(self) -> dict[str, Any]:
        return _read_json(self.path)


@lru_cache(maxsize=64)
def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"Referenz nicht lesbar ({exc})") from exc
    if not isinstance(data, dict) or "doc" not in data:
        raise InputError(str(path), "Referenz ohne 'doc'")
    return data


def load_manifest(path: Path = MANIFEST) -> list[ReferenceFile]:
    """The references named in the manifest, in its order (the training order)."""
    data = read_yaml(path)
    entries = data.get("references") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(str(path), "erwartet eine Liste 'references'")
    out = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("role") not in {"dev", "sealed"}:
            raise InputError(str(path), f"Eintrag ohne Rolle dev/sealed: {entry!r}")
        ref_path = (path.parent / str(entry["path"])).resolve()
        first_sight = dict(entry.get("first_sight") or {})
        out.append(ReferenceFile(ref_path, entry["role"], first_sight, str(entry.get("fold", ""))))
    return out


def text_of(doc: str, dirs: Iterable[Path] | None = None) -> Path:
    """The text a reference is about: in the corpus or among our own test texts."""
    for folder in dirs or (get_settings().corpus_dir, TEXTS_DIR):
        candidate = folder / doc
        if candidate.is_file():
            return candidate
    raise InputError(doc, "Text zur Referenz nicht gefunden (CORPUS_DIR, bench/extraction_texts)")


@lru_cache(maxsize=1)
def scorer() -> ModuleType:
    """The contract scorer from ``EVAL_DIR`` (its name comparison asked only where it can
    match: :mod:`loaders.scorer_prefilter`)."""
    path = get_settings().eval_dir / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise InputError(str(path), "Bewertungsskript nicht gefunden (EVAL_DIR setzen)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    scorer_prefilter.install(module)  # the same figures, without hopeless name comparisons
    return module


def _gold_id(ref: ReferenceFile) -> Callable[[str], object | None]:
    """Name -> the reference entity it names (the scorer's own matching)."""
    mod = scorer()
    gold = mod.load_gold([ref.path], None)[ref.data()["doc"]]
    pools = [gold["organisations"], gold["programmes"]]
    return lambda name: mod.resolve(name, pools)


def _same_name(a: str, b: str) -> bool:
    """Whether two names name the same entity, as the contract scorer compares them."""
    mod = scorer()
    return bool(mod.same({mod.norm(a)}, {mod.norm(b)}))


Models = tuple[Path, Path, Path]  # mention, link and heading model


@dataclass
class _Trainer:
    """The three models trained on a chosen set of dev references, texts read once."""

    refs: list[ReferenceFile]
    folder: Path
    _mention_items: dict[Path, list[Sequence_]] = field(default_factory=dict)
    _heading_items: dict[Path, list[Sequence_]] = field(default_factory=dict)

    def mention_items(self, ref: ReferenceFile) -> list[Sequence_]:
        if ref.path not in self._mention_items:
            data = ref.data()
            self._mention_items[ref.path] = list(reference_sequences(text_of(data["doc"]), [data]))
        return self._mention_items[ref.path]

    def heading_items(self, ref: ReferenceFile) -> list[Sequence_]:
        if ref.path not in self._heading_items:
            data = ref.data()
            self._heading_items[ref.path] = list(
                heading_items(text_of(data["doc"]), data, _same_name)
            )
        return self._heading_items[ref.path]

    def train(self, name: str, without: str | None = None) -> Models:
        """The three models from every reference outside fold ``without``. The heading
        model comes first: the link model learns from the blocks it reads."""
        chosen = [r for r in self.refs if without is None or r.fold != without]
        mention_model = self.folder / f"{name}.mentions.crfsuite"
        link_model = self.folder / f"{name}.links.crfsuite"
        heading_model = self.folder / f"{name}.headings.crfsuite"
        self.train_headings(chosen, heading_model)
        self.train_mentions(chosen, mention_model)
        self.train_links(chosen, mention_model, heading_model, link_model)
        return mention_model, link_model, heading_model

    def train_headings(self, refs: list[ReferenceFile], path: Path) -> None:
        train_model((s for r in refs for s in self.heading_items(r)), path, HEADING_PARAMS)

    def train_mentions(self, refs: list[ReferenceFile], path: Path) -> None:
        train_model((s for r in refs for s in self.mention_items(r)), path)

    def train_links(
        self, refs: list[ReferenceFile], mention_model: Path, heading_model: Path, path: Path
    ) -> None:
        """The link model learns from the candidates of texts read with the mention and
        heading models it will be used with."""
        analyses: dict[str, Analysis] = {}
        items: list[Sequence_] = []
        for r in refs:
            doc = r.data()["doc"]
            if doc not in analyses:
                analyses[doc] = analyse_document(
                    text_of(doc), model=mention_model, heading_model=heading_model
                )
            items.extend(link_items(analyses[doc], r.data(), _gold_id(r)))
        train_model(items, path, LINK_PARAMS)

    def fold_models(self, fold: str, train: bool = True) -> Models:
        """The models that never saw ``fold``: trained, or taken from the folder when an
        earlier run trained them on the same references (their names carry a digest of
        the training references' names). Without ``train``, models held fixed: taken from
        the folder only."""
        chosen = sorted(r.name for r in self.refs if r.fold != fold)
        digest = hashlib.sha1("\n".join(chosen).encode()).hexdigest()[:12]
        name = f"fold-{fold}-{digest}"
        kinds = ("mentions", "links", "headings")
        kept = tuple(self.folder / f"{name}.{kind}.crfsuite" for kind in kinds)
        if all(p.is_file() for p in kept):
            return kept[0], kept[1], kept[2]
        if not train:
            raise InputError(str(self.folder), f"keine Modelle für Fold {fold} ({name})")
        return self.train(name, without=fold)


def train(
    refs: list[ReferenceFile] | None = None,
    folder: Path = MODEL_FILE.parent,
    progress: Callable[[str], None] | None = None,
) -> Models:
    """Train the mention, link and heading models on every dev reference, in manifest
    order."""
    dev = [r for r in (refs if refs is not None else load_manifest()) if r.role == "dev"]
    if progress:
        progress(f"{len(dev)} Referenzen")
    with tempfile.TemporaryDirectory() as tmp:
        trained = _Trainer(dev, Path(tmp)).train("all")
        mentions, links, headings = (
            Path(shutil.copyfile(new, folder / committed.name))
            for new, committed in zip(trained, _COMMITTED, strict=True)
        )
        return mentions, links, headings


@dataclass(frozen=True)
class Row:
    reference: ReferenceFile
    scores: dict[str, Any]  # scorer output for the reference
    held_out: bool  # scored by models that did not see it


_EXTRACTIONS: dict[tuple[str, Path, Path, Path], dict[str, Any]] = {}
_COMMITTED: Models = (MODEL_FILE, LINK_MODEL, HEADING_MODEL)


def _score(ref: ReferenceFile, models: Models) -> dict[str, Any]:
    """The scorer's figures for one reference; a text is extracted once per set of models
    (several references cover parts of the brochure)."""
    data = ref.data()
    key = (data["doc"], *models)
    if key not in _EXTRACTIONS:
        extraction = extract_document(
            text_of(data["doc"]), model=models[0], link_model=models[1], heading_model=models[2]
        )
        _EXTRACTIONS[key] = to_contract(extraction)
    mod = scorer()
    gold = mod.load_gold([ref.path], None)[data["doc"]]
    return dict(mod.score_doc(_EXTRACTIONS[key], gold))


def _score_committed(refs: list[ReferenceFile]) -> list[dict[str, Any]]:
    """Scores of references of one text with the committed models (one worker's task)."""
    return [_score(r, _COMMITTED) for r in refs]


def evaluate(
    refs: list[ReferenceFile] | None = None,
    leave_out: bool = True,
    progress: Callable[[str], None] | None = None,
    fold_models: Path | None = None,
) -> list[Row]:
    """Score every reference: dev ones by models trained without their fold
    (``leave_out``), sealed ones by the committed models.

    ``fold_models`` keeps the fold models in a folder and reuses them on the next run:
    a rule change is then measured with the models held fixed. Retraining every fold on
    features the change moved shifts single references by a name or a link each way,
    which hides changes of a few thousandths.

    Without ``leave_out`` the texts are scored in worker processes, one text per task
    (the contract scorer's name matching is the slow part)."""
    refs = refs if refs is not None else load_manifest()
    dev = [r for r in refs if r.role == "dev"]
    if not leave_out:
        by_text: dict[str, list[ReferenceFile]] = {}
        for r in refs:
            by_text.setdefault(r.data()["doc"], []).append(r)
        scores: dict[Path, dict[str, Any]] = {}
        with ProcessPoolExecutor(max_workers=min(2, len(by_text) or 1)) as pool:
            for group, result in zip(
                by_text.values(), pool.map(_score_committed, by_text.values()), strict=True
            ):
                for r, score in zip(group, result, strict=True):
                    scores[r.path] = score
                    if progress:
                        progress(r.name)
        return [Row(r, scores[r.path], r.role == "sealed") for r in refs]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        if fold_models is not None:
            fold_models.mkdir(parents=True, exist_ok=True)
        trainer = _Trainer(dev, fold_models or Path(tmp))
        by_fold: dict[str, Models] = {}
        for ref in refs:
            models = _COMMITTED
            if ref.role == "dev":
                if ref.fold not in by_fold:
                    by_fold[ref.fold] = trainer.fold_models(ref.fold)
                models = by_fold[ref.fold]
            rows.append(Row(ref, _score(ref, models), True))
            if progress:
                progress(ref.name)
    return rows


def micro(rows: Iterable[Row], key: str) -> dict[str, float]:
    """Micro-averaged precision, recall and F1 of ``key`` over ``rows``."""
    tp = sys_n = gold_n = 0
    for row in rows:
        s = row.scores.get(key)
        if s:
            tp, sys_n, gold_n = tp + s["tp"], sys_n + s["system"], gold_n + s["gold"]
    p = tp / sys_n if sys_n else 0.0
    r = tp / gold_n if gold_n else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def block_line_accuracy(rows: Iterable[Row]) -> float | None:
    """Share of reference block lines assigned to the right partner, over ``rows``."""
    values = [r.scores.get("block_lines_accuracy") for r in rows]
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None
