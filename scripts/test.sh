#!/usr/bin/env bash
# The test command: set up, make sure Neo4j runs, run every test, stop Neo4j if we started it.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
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
