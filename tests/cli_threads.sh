#!/usr/bin/env bash
# Threads inside one run (docs/performance.md 7): the same scenario run with
# OMP_NUM_THREADS=1, 2 and 3 must give the same bytes, in the tidy CSV and in
# every stored value of the run store. Two scenarios, both large enough
# (>= 16,384 households, YF_PARALLEL_MIN in src/core/parallel.h) that the
# household loops, the exact splits and the ledger's batches really run on
# several threads:
#   1. the history to 2004 at 40,000 households;
#   2. consumer credit opened in 2003 (tests/scenarios/consumer_credit/
#      credit_2003.yaml: housing, mortgages and consumer loans all active) to
#      2005 at 20,000 households.
# Three threads on a 2-core machine also checks a count that does not divide
# the work evenly. The runs are compared with each other, never with stored
# figures: what is tested is that the thread count changes nothing.
# usage: cli_threads.sh YUANFLOW DATA_DIR WORK_DIR
set -u
Y=$1 DATA=$2 WORK=$3
SRC=$(cd "$DATA/.." && pwd)
command -v sqlite3 >/dev/null || { echo "SKIPPED: no sqlite3 shell (scripts/install-deps.sh)"; exit 77; }
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1
# A busy machine (other processes on the cores) makes spinning threads wait
# for each other for whole time slices: let waiting threads sleep.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}
passed=0 failed=0
check() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $*" >&2; fi; }

# Every stored value of the run: what must not depend on the thread count.
dump() {
  sqlite3 "$1" "SELECT o.series, o.frequency, o.date, o.region, quote(o.value)
                FROM observations o ORDER BY 1, 2, 3, 4;"
}

run_case() { # name, then the run's arguments
  local name=$1
  shift
  for t in 1 2 3; do
    OMP_NUM_THREADS=$t "$Y" run "$@" --data "$DATA" --store "$name.$t.sqlite" \
      --csv "$name.$t.csv" >"$name.$t.out" 2>"$name.$t.err"
    check test $? -eq 0
    dump "$name.$t.sqlite" >"$name.$t.dump"
  done
  check test -s "$name.1.csv"
  check test -s "$name.1.dump"
  for t in 2 3; do
    check cmp "$name.1.csv" "$name.$t.csv"
    check cmp "$name.1.dump" "$name.$t.dump"
    check cmp "$name.1.out" "$name.$t.out"
  done
}

run_case history "$SRC/scenarios/history.yaml" --households 40000 --to 2004
run_case credit "$SRC/tests/scenarios/consumer_credit/credit_2003.yaml" --households 20000 \
  --to 2005
# The credit scenario must really have lent: consumer loans are on the books.
check test "$(sqlite3 credit.1.sqlite "SELECT count(*) FROM observations
              WHERE series = 'consumer_loans' AND value > 0")" -gt 0

echo "cli_threads: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
