"""Parallel extraction gives exactly the serial result (the corpus, as JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from loaders.extract import extract_paths, to_contract
from loaders.parallel import extract_paths_parallel
from queries.errors import InputError
from tests.conftest import CORPUS


def _json(xs: list) -> str:
    return json.dumps([to_contract(x) for x in xs], ensure_ascii=False, sort_keys=True)


def test_two_workers_give_the_serial_json() -> None:
    serial = extract_paths([CORPUS])
    heard: list[str] = []
    parallel = extract_paths_parallel([CORPUS], workers=2, progress=heard.append)
    assert _json(parallel) == _json(serial)
    assert [x.doc for x in parallel] == [x.doc for x in serial]
    assert heard == [x.doc for x in serial]


def test_a_bad_file_is_reported_and_the_others_load(tmp_path: Path) -> None:
    good = sorted(CORPUS.glob("*.txt"))[:2]
    bad = tmp_path / "kaputt.pdf"
    bad.write_bytes(b"kein PDF")
    errors: list[InputError] = []
    out = extract_paths_parallel([*good, bad], workers=2, on_error=errors.append)
    assert [x.doc for x in out] == [p.name for p in good]
    assert len(errors) == 1 and "kaputt.pdf" in errors[0].source
