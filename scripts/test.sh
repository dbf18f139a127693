#!/usr/bin/env bash
# One command for a fresh machine: set everything up, then lint, type-check and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The storage tests also run against a throw-away PostgreSQL cluster (the district office's
# shared-server set-up); bring the server programs if this machine has none.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1 \
   && command -v apt-get >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql \
    || echo "警告：未能安装 PostgreSQL，相关测试将跳过。" >&2
fi
# The document tests look at our files the way recipients' tools see them: LibreOffice converts
# .docx/.xlsx to PDF (with only Noto CJK and LXGW WenKai as Chinese fonts, as on a fresh
# 统信/麒麟 PC), poppler measures the PDFs and zbar reads the QR codes.
DOC_TOOLS=(libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk fonts-lxgw-wenkai
           poppler-utils zbar-tools)
if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${DOC_TOOLS[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq || true
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      || echo "警告：未能安装文档检查工具（${missing[*]}），相关测试将跳过。" >&2
  fi
fi
export QT_QPA_PLATFORM=offscreen
# Tests never touch the real user data folder.
export LIAISON_DESK_DATA_DIR="$(mktemp -d)"
trap 'rm -rf "$LIAISON_DESK_DATA_DIR"' EXIT
echo "== ruff"; .venv/bin/ruff check src tests benchmarks scripts
.venv/bin/ruff format --check src tests benchmarks scripts
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/pytest -q --durations=15 "$@"
