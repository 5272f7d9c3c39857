#!/usr/bin/env bash
# Install, from Debian's packages, everything yuanflow needs to build and test.
# Idempotent and quick when all is there: only missing packages are installed.
# Must run as root (or with sudo available) on a fresh machine.
set -euo pipefail

PACKAGES=(
  gcc libc6-dev   # C17 compiler; gcc's AddressSanitizer/UBSan runtimes come with it
  cmake ninja-build
  libsqlite3-dev  # the SQLite run store (src/output/store.c)
  libjson-c-dev   # JSON output (src/output/json.c)
  libyaml-dev     # scenario files (src/scenario/load.c)
  libnlopt-dev    # the calibration's optimiser (src/validate/calibrate.c)
  sqlite3         # the sqlite3 shell: the CLI store test and docs/outputs.md's queries
  # CI hygiene (docs/errors.md): libFuzzer targets (clang and its runtimes),
  # clang-tidy with the checked-in .clang-tidy, valgrind's memcheck.
  clang libclang-rt-dev clang-tidy valgrind
  libomp-dev      # omp.h and the OpenMP runtime for clang (fuzz build, clang-tidy); gcc uses libgomp
  python3         # tests/errors_doc.py checks docs/errors.md against the code and tests
  libopenmpi-dev openmpi-bin  # yuanflow ensemble across ranks (mpirun); optional in the build
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The report (src/report, report/): Node.js and npm install the chart library
# (npm ci --prefix report, scripts/install-report-deps.sh), and the browser test
# (tests/report/) drives Debian's Chromium. Checked by command, not by package:
# a machine's Node.js may come from elsewhere (NodeSource bundles npm with it).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root to install: ${missing[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The chart library and the browser driver, from the npm registry, as pinned
# in report/package-lock.json (quick when already installed).
bash "$(dirname "$0")/install-report-deps.sh"
