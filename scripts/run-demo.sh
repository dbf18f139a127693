#!/usr/bin/env bash
# One command for a fresh machine: set everything up, build the demo database once, start the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DEMO_DB=${DEMO_DB:-demo/示例数据库.sqlite}
if [ ! -f "$DEMO_DB" ]; then
  mkdir -p "$(dirname "$DEMO_DB")"
  .venv/bin/liaison-desk demo --db "$DEMO_DB"
fi
exec .venv/bin/liaison-desk --db "$DEMO_DB" "$@"
