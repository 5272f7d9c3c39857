#!/usr/bin/env bash
# Set up yuanflow on a fresh Debian machine: install dependencies, build the
# release configuration into build/release (library, static and shared, and
# the `yuanflow` command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
echo "setup: built build/release/yuanflow"
