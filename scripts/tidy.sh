#!/usr/bin/env bash
# clang-tidy over src/ with the checked-in .clang-tidy (docs/errors.md, "CI
# hygiene"), using the debug build's compile_commands.json. Fails on any
# diagnostic the configuration makes an error.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset debug >/dev/null
jobs=$(nproc 2>/dev/null || echo 2)
run-clang-tidy -p build/debug -j "$jobs" -quiet "$PWD/src/" >build/debug/clang-tidy.log 2>&1 || {
  sed 's/\x1b\[[0-9;]*m//g' build/debug/clang-tidy.log | grep -E -A3 '(error|warning): ' >&2 || true
  echo "tidy.sh: clang-tidy found errors (full log: build/debug/clang-tidy.log)" >&2
  exit 1
}
echo "clang-tidy: no error over src/ ($(grep -c 'warning: ' build/debug/clang-tidy.log || true) warnings, see build/debug/clang-tidy.log)"
