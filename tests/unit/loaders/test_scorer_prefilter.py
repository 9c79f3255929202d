"""The pre-filtered name comparison gives the contract scorer's own answers: on name pairs
near and far from its threshold, and on whole scores of references."""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType

import pytest

from loaders.evaluation import load_manifest, scorer, text_of
from loaders.extract import extract_document, to_contract
from loaders.scorer_prefilter import install
from queries.settings import get_settings


def _original() -> ModuleType:
    """A second, untouched copy of the contract scorer."""
    path = get_settings().eval_dir / "score_extraction.py"
    if not path.is_file():
        pytest.skip("the contract scorer (EVAL_DIR) is not beside the repository")
    spec = importlib.util.spec_from_file_location("score_extraction_original", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _names() -> list[str]:
    """Normalised reference names and near misses of them (a letter dropped, one added)."""
    original = _original()
    ref = next(r for r in load_manifest() if r.name == "001_lines_3019-3700")
    data = ref.data()
    names = sorted(
        {original.norm(e["name"]) for key in ("organisations", "programmes") for e in data[key]}
    )
    variants = [n[:-1] for n in names] + [n + "n" for n in names] + [n[1:] for n in names]
    return sorted(set(names + variants))


def test_same_answers_as_the_scorer_on_every_pair():
    original = _original()
    fast = _original()
    install(fast)
    names = _names()
    assert len(names) > 100
    asked = 0
    for i, x in enumerate(names):
        for y in names[i:]:
            for a, b in (({x}, {y}), ({x, names[i - 1]}, {y})):
                assert fast.same(a, b) == original.same(a, b), (a, b)
                asked += 1
    assert asked > 10_000


def test_installing_twice_keeps_one_filter():
    fast = _original()
    install(fast)
    first = fast.same
    install(fast)
    assert fast.same is first


@pytest.mark.parametrize("name", [r.name for r in load_manifest() if r.name.startswith("u")])
def test_scores_of_short_texts_equal_the_scorers(name):
    ref = next(r for r in load_manifest() if r.name == name)
    data = ref.data()
    system = to_contract(extract_document(text_of(data["doc"])))
    original = _original()
    expected = original.score_doc(system, original.load_gold([ref.path], None)[data["doc"]])
    fast = scorer()
    got = fast.score_doc(system, fast.load_gold([ref.path], None)[data["doc"]])
    assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)
