#!/usr/bin/env bash
# The test command: set up what the tests need, lint, then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check pipeline tests scripts
.venv/bin/python -m pytest -q --durations=15 "$@"
