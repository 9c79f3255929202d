"""The evaluation protocol's manifest: every reference readable, its text found, roles and
folds given, sealed references never among the training set."""

from __future__ import annotations

import pytest

from loaders.errors import InputError
from loaders.evaluation import _Trainer, evaluate, load_manifest, text_of
from loaders.learn.training import line_ranges


def test_every_reference_has_a_text_a_role_and_dev_ones_a_fold():
    refs = load_manifest()
    assert {r.role for r in refs} == {"dev", "sealed"}
    for ref in refs:
        data = ref.data()
        try:
            path = text_of(data["doc"])
        except Exception:
            pytest.skip("the shared corpus is not beside the repository")
        lines = path.read_text(encoding="utf-8").count("\n") + 1
        assert all(1 <= lo <= hi <= lines + 1 for lo, hi in line_ranges(data)), ref.name
        if ref.role == "dev":
            assert ref.fold, ref.name
    assert len({r.path for r in refs}) == len(refs)


def test_sealed_references_include_unseen_texts_and_brochure_parts():
    sealed = [r for r in load_manifest() if r.role == "sealed"]
    docs = {r.data()["doc"][:3] for r in sealed}
    assert "001" in docs and any(d.startswith("u") for d in docs)


def test_kept_fold_models_are_reused_for_the_same_references_only(tmp_path):
    """`vielfalt eval --auslassen --faltmodelle DIR`: a second run scores with the models
    the first one trained (a rule change measured with the models held fixed); another
    set of training references never gets models trained on a different set."""
    dev = [r for r in load_manifest() if r.name.startswith(("u80_", "u96_", "u97_"))]
    assert [r.fold for r in dev] == ["s", "v", "v"]
    first = evaluate(dev, leave_out=True, fold_models=tmp_path)
    kept = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    assert len(kept) == 6  # two folds, a mention, a link and a heading model each
    second = evaluate(dev, leave_out=True, fold_models=tmp_path)
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == kept
    assert [r.scores for r in second] == [r.scores for r in first]
    evaluate(dev[:2], leave_out=True, fold_models=tmp_path)  # fold s now trains on u96 only
    assert len(list(tmp_path.iterdir())) == 9


def test_fold_models_held_fixed_are_taken_from_the_folder_or_refused(tmp_path):
    """`bench/dev_folds.py --held-fixed`: a second code is scored with the fold models of
    the first, never with models it trained itself; a missing model is a German error."""
    dev = [r for r in load_manifest() if r.name.startswith(("u80_", "u96_"))]
    trainer = _Trainer(dev, tmp_path)
    with pytest.raises(InputError, match="keine Modelle für Fold s"):
        trainer.fold_models("s", train=False)
    assert list(tmp_path.iterdir()) == []
    trained = trainer.fold_models("s")
    assert trainer.fold_models("s", train=False) == trained
