#!/usr/bin/env bash
# `yuanflow run` killed with SIGKILL at random moments leaves its run store
# consistent (docs/errors.md, section 1): after each kill the store passes
# SQLite's integrity check and holds only whole runs, each with exactly the
# rows of a run that completed (parameters, series, observations, matrices);
# a kill never leaves half a run, and the store still takes the next run.
# Usage: cli_kill.sh YUANFLOW SQLITE3 DATA WORK
set -euo pipefail
yuanflow=$1 sqlite=$2 data=$3 work=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work"
args=(run --to 2001 --households 2000 --firms 500 --data "$data" --store s.sqlite)
q() { "$sqlite" s.sqlite "$1"; }

# One whole run: the counts every run must have, and how long a run takes.
t0=$(date +%s%N)
"$yuanflow" "${args[@]}" >/dev/null 2>&1
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 + 1 ))
counts() { # the row counts of run $1 in each table
  q "SELECT (SELECT count(*) FROM parameters WHERE run_id=$1), (SELECT count(*) FROM series WHERE run_id=$1),
            (SELECT count(*) FROM observations WHERE run_id=$1), (SELECT count(*) FROM matrices WHERE run_id=$1)"
}
whole=$(counts 1)
case $whole in 0\|*|*\|0\|*|*\|0) echo "cli_kill: the first run is not whole: $whole" >&2; exit 1 ;; esac
echo "a whole run: $whole rows (parameters|series|observations|matrices), ${ms} ms"

failed=0 killed=0 completed=0
RANDOM=20261122 # the same moments on every machine, relative to the run's time
for k in $(seq 1 16); do
  # Moments spread over the whole run, half of them in its last third, where
  # the store is written.
  if (( k % 2 )); then delay=$(( RANDOM % (ms * 12 / 10) )); else delay=$(( ms * 2 / 3 + RANDOM % (ms / 2 + 1) )); fi
  before=$(q "SELECT count(*) FROM runs")
  "$yuanflow" "${args[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '0.%03d' "$delay")" 2>/dev/null || sleep 0
  if kill -KILL "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  ok=$(q "PRAGMA integrity_check")
  if [ "$ok" != ok ]; then echo "kill $k after ${delay} ms: integrity check: $ok" >&2; failed=1; fi
  after=$(q "SELECT count(*) FROM runs")
  [ "$after" -gt "$before" ] && completed=$((completed + 1))
  for id in $(q "SELECT id FROM runs"); do
    got=$(counts "$id")
    if [ "$got" != "$whole" ]; then
      echo "kill $k after ${delay} ms: run $id has $got rows, a whole run $whole" >&2
      failed=1
    fi
  done
  orphans=$(q "SELECT count(*) FROM observations WHERE run_id NOT IN (SELECT id FROM runs)")
  if [ "$orphans" != 0 ]; then echo "kill $k: $orphans observations of no run" >&2; failed=1; fi
done
# The store still takes a run after all that.
"$yuanflow" "${args[@]}" >/dev/null 2>&1 || { echo "cli_kill: the store refuses a new run" >&2; failed=1; }
last=$(q "SELECT max(id) FROM runs")
[ "$(counts "$last")" = "$whole" ] || { echo "cli_kill: the last run is not whole" >&2; failed=1; }
echo "16 runs started, $killed killed before they ended, $completed completed; store consistent after each: $([ $failed = 0 ] && echo yes || echo NO)"
[ $failed = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $failed
