#!/usr/bin/env bash
# The main job: set up, start the local Neo4j (or reuse it), load the corpus, serve API and pages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/vielfalt up "$@"
