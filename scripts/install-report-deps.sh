#!/usr/bin/env bash
# Install the report's packages from the npm registry, exactly as pinned in
# report/package-lock.json: ECharts (inlined into the yuanflow binary at build
# time, src/report/) and playwright-core (drives Debian's Chromium for the
# browser test, tests/report/, and for `yuanflow report --images`).
# Quick when report/node_modules already matches the lock file.
set -euo pipefail
cd "$(dirname "$0")/../report"
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] &&
   [ -f node_modules/echarts/dist/echarts.min.js ] && [ -d node_modules/playwright-core ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "install-report-deps: npm not found (bash scripts/install-deps.sh installs it)" >&2; exit 1; }
echo "install-report-deps: npm ci --prefix report"
npm ci --no-audit --no-fund
