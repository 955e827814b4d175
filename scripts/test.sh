#!/usr/bin/env bash
# The test command: set up what the tests need, lint, then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check pipeline tests scripts
# Two workers (the machines have two cores); a test file stays on one worker, so its module
# fixtures are built once.
.venv/bin/python -m pytest -q -n 2 --dist loadfile --durations=15 "$@"
