#!/usr/bin/env bash
# One command for a fresh machine: set everything up, build the demo database once, start the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# A desktop Linux without any Chinese font would show boxes; bring a small one from the
# distribution. (The app will ship its own font later; until then the system's is used.)
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "安装中文字体 fonts-wqy-microhei"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei \
    || echo "警告：未能安装中文字体，界面中的中文可能显示为方框。" >&2
fi
DEMO_DB=${DEMO_DB:-demo/示例数据库.sqlite}
if [ ! -f "$DEMO_DB" ]; then
  mkdir -p "$(dirname "$DEMO_DB")"
  .venv/bin/liaison-desk demo --db "$DEMO_DB"
fi
exec .venv/bin/liaison-desk --db "$DEMO_DB" "$@"
