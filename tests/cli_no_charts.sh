#!/usr/bin/env bash
# A yuanflow built without the chart library (CMake option YF_CHARTS=OFF,
# preset nocharts) refuses `yuanflow report` with the message of
# docs/errors.md and exit code 1, before it reads anything. Only the yuanflow
# binary of that build is made (a minute of compiling); .ci/run runs this.
# usage: cli_no_charts.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
cmake --preset nocharts >/dev/null
cmake --build --preset nocharts --target yuanflow >/dev/null
set +e
build/nocharts/yuanflow report --store no-such-store.sqlite --out no-such-report.html 2>build/nocharts/report.err
rc=$?
set -e
expected="yuanflow: error: this yuanflow was built without the chart library: run 'bash scripts/install-report-deps.sh', then configure and build again"
if [ $rc -eq 1 ] && grep -qxF "$expected" build/nocharts/report.err && [ ! -e no-such-report.html ]; then
  echo "cli_no_charts: ok"
else
  echo "cli_no_charts: FAILED: exit $rc (expected 1), stderr: $(cat build/nocharts/report.err)" >&2
  exit 1
fi
