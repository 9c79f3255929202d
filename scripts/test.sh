#!/usr/bin/env bash
# The test command: set up, lint and type-check, make sure the tests' own Neo4j runs
# (tests/instance.py: .neo4j-test/, its own ports and password; never the instance that
# `vielfalt up` serves), run every test, stop that Neo4j if we started it.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
.venv/bin/ruff check . || exit 1
.venv/bin/ruff format --check . >/dev/null || { echo "ruff format would change files: run .venv/bin/ruff format ." >&2; exit 1; }
.venv/bin/mypy || exit 1
started=$(.venv/bin/python -m tests.instance start) || exit 1
.venv/bin/pytest "$@"
rc=$?
if [ "$started" = "started=1" ]; then .venv/bin/python -m tests.instance stop || true; fi
if [ "$rc" = 5 ]; then echo "pytest collected no tests: failing" >&2; rc=1; fi
exit "$rc"
