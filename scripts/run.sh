#!/usr/bin/env bash
# The main job: set up, run every DVC stage on the document sets in data/raw/, then print what came
# out per document and language. Ends non-zero when any stage recorded a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export DVC_NO_ANALYTICS=1 PATH="$PWD/.venv/bin:$PATH"
dvc repro "$@"
hexalign summary data
