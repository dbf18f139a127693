#!/usr/bin/env bash
# One command for a fresh machine: set everything up, then lint, type-check and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
# Tests never touch the real user data folder.
export LIAISON_DESK_DATA_DIR="$(mktemp -d)"
trap 'rm -rf "$LIAISON_DESK_DATA_DIR"' EXIT
echo "== ruff"; .venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/pytest -q "$@"
