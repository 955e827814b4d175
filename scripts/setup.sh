#!/usr/bin/env bash
# Set up (or bring up to date) everything hexalign needs, idempotently:
#   .venv with the pinned packages (CPU torch first, from the wheel on disk, so that no resolver
#   ever pulls a CUDA build), the DVC repo config, and the offline embedding model in models/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DVC_NO_ANALYTICS=1 PIP_DISABLE_PIP_VERSION_CHECK=1

if [ ! -x .venv/bin/python ]; then
  python3.11 -m venv .venv 2>/dev/null || python3 -m venv .venv
fi
stamp=.venv/.hexalign-installed
want=$(cat pyproject.toml requirements.lock | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing packages into .venv (first run takes a few minutes)"
  .venv/bin/pip install -q "torch==2.13.0"
  .venv/bin/pip install -q -c requirements.lock -e ".[dev]"
  echo "$want" > "$stamp"
fi
# The review app's browser test drives Debian's Chromium (Playwright's own download cannot work here).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "setup: installing Debian chromium for the browser test"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ -f scripts/build_model.py ]; then
  .venv/bin/python scripts/build_model.py --if-missing
fi
