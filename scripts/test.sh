#!/usr/bin/env bash
# Run the whole test suite: a debug build with warnings as errors, then the
# same tests under AddressSanitizer + UndefinedBehaviorSanitizer.
# This is the command the README gives and the one .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
for preset in debug asan; do
  echo "== $preset build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  echo "== $preset tests"
  ctest --preset "$preset" -j "$jobs"
done
