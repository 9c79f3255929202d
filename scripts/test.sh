#!/usr/bin/env bash
# The test command: set up, lint and type-check, make sure Neo4j runs, run every test,
# stop Neo4j if we started it.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
.venv/bin/ruff check . || exit 1
.venv/bin/ruff format --check . >/dev/null || { echo "ruff format would change files: run .venv/bin/ruff format ." >&2; exit 1; }
.venv/bin/mypy || exit 1
started=0
if ! .venv/bin/vielfalt neo4j status >/dev/null 2>&1; then
  .venv/bin/vielfalt neo4j start || exit 1
  started=1
fi
.venv/bin/pytest "$@"
rc=$?
if [ "$started" = 1 ]; then .venv/bin/vielfalt neo4j stop || true; fi
if [ "$rc" = 5 ]; then echo "pytest collected no tests: failing" >&2; rc=1; fi
exit "$rc"
