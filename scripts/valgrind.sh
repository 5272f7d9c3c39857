#!/usr/bin/env bash
# Run the debug build of yuanflow under valgrind's memcheck on short runs
# (docs/errors.md, "CI hygiene"): a run writing all three outputs, a failed
# run (a numerical fault), bad input, and a textbook demo. Any memcheck error
# or leak (definite, indirect or possible) fails the script. It complements
# the AddressSanitizer build: memcheck also sees reads of uninitialised memory.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset debug >/dev/null
cmake --build --preset debug --target yuanflow
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
vg=(valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible
    --track-origins=yes --quiet --suppressions=scripts/valgrind.supp)
yf=build/debug/yuanflow
status=0
check() { # expected exit code, then the command line
  local want=$1
  shift
  local rc=0
  "${vg[@]}" "$yf" "$@" >/dev/null 2>"$work/err" || rc=$?
  if [ "$rc" -ne "$want" ]; then
    echo "valgrind.sh: yuanflow $*: exit $rc, expected $want" >&2
    cat "$work/err" >&2
    status=1
  else
    echo "valgrind: yuanflow $* (exit $rc): no error"
  fi
}
check 0 run --to 2001 --households 2000 --firms 500 --data data \
  --store "$work/s.sqlite" --csv "$work/r.csv" --json "$work/r.json"
check 1 run tests/scenarios/hyperinflation.yaml --to 2004 --households 500 --firms 100 \
  --data data --no-store
check 2 run tests/scenarios/unknown_event.yaml --data data
# Two threads over 16,384 households (YF_PARALLEL_MIN, src/core/parallel.h): the
# parallel loops themselves under memcheck (libgomp's worker threads' storage,
# held until exit, is suppressed in scripts/valgrind.supp).
OMP_NUM_THREADS=2 OMP_WAIT_POLICY=passive check 0 run --to 2000 --households 16384 --firms 500 \
  --data data --no-store
check 0 demo pc --periods 50
exit $status
