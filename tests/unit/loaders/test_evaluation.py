"""The evaluation protocol's manifest: every reference readable, its text found, roles and
folds given, sealed references never among the training set."""

from __future__ import annotations

import pytest

from loaders.evaluation import load_manifest, text_of
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
