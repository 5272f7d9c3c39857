#!/usr/bin/env bash
# yuanflow ensemble, end to end (docs/outputs.md 1.4):
#   1. the stored series, parameters and percentiles are identical with 1 and 2
#      worker processes (and with 1 and 2 MPI ranks when built with MPI);
#   2. the percentiles of one cell agree with type-7 percentiles computed here
#      in awk from the stored values; the draws are distinct and in range;
#   3. an ensemble killed with SIGKILL at random moments, then resumed, has
#      every run index exactly once, no run without its index, and the same
#      percentiles as the uninterrupted one;
#   4. bad input: a clear message and exit code 2;
#   5. failures while it runs: a run that fails, a worker killed, a damaged
#      store: each reported (exit 1) and the same command resumes.
# usage: cli_ensemble.sh YUANFLOW DATA_DIR WORK_DIR [MPIRUN]
set -u
Y=$1 DATA=$2 WORK=$3 MPIRUN=${4:-}
SRC=$(cd "$DATA/.." && pwd)
command -v sqlite3 >/dev/null || { echo "SKIPPED: no sqlite3 shell (scripts/install-deps.sh)"; exit 77; }
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }
check() { if "$@"; then ok; else bad "$*"; fi; }

SMALL=(--households 2000 --firms 500 --to 2003 --data "$DATA")
ENS=(--runs 8 --draw c2_wealth=0.001:0.004 --draw c1_top=0.35:0.45 "${SMALL[@]}")

# Every stored value by replicate, and every parameter: what must not depend
# on the number of processes.
dump() {
  sqlite3 "$1" "SELECT r.replicate, r.seed, o.series, o.frequency, o.date, quote(o.value)
                FROM runs r JOIN observations o ON o.run_id = r.id ORDER BY 1, 3, 4, 5;
                SELECT r.replicate, p.name, quote(p.value) FROM runs r JOIN parameters p
                ON p.run_id = r.id ORDER BY 1, 2;"
}

# ---- 1. one and two workers ---------------------------------------------------
"$Y" ensemble "${ENS[@]}" --jobs 1 --store j1.sqlite --csv j1.csv 2>j1.err
check test $? -eq 0
"$Y" ensemble "${ENS[@]}" --jobs 2 --store j2.sqlite --csv j2.csv 2>j2.err
check test $? -eq 0
check cmp -s j1.csv j2.csv
dump j1.sqlite >j1.dump
dump j2.sqlite >j2.dump
check test -s j1.dump
check cmp -s j1.dump j2.dump
check test "$(sqlite3 j1.sqlite 'SELECT count(*) FROM runs')" = 8
check test "$(sqlite3 j1.sqlite "SELECT count(*) FROM observations WHERE frequency = 'M'")" = 0
check test "$(sqlite3 j1.sqlite 'SELECT count(DISTINCT scenario) FROM runs')" = 1
# 32 series x 4 years, less cpi_inflation in 2000 (no twelve months before)
check test "$(tail -n +2 j1.csv | wc -l)" -eq "$(sqlite3 j1.sqlite 'SELECT count(*) FROM ensemble_percentiles')"

# ---- 2. percentiles by hand, draws ----------------------------------------------
# type 7: h = (n-1) p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])
sqlite3 j1.sqlite "SELECT printf('%.17g', o.value) FROM runs r JOIN observations o ON o.run_id = r.id
                   WHERE o.series = 'gdp_real' AND o.frequency = 'A' AND o.date = '2003'
                   ORDER BY o.value" >values.txt
check test "$(wc -l <values.txt)" = 8
awk 'NR == FNR { x[n++] = $1; next }
     { split("0.05 0.25 0.5 0.75 0.95", p, " ")
       for (i = 1; i <= 5; i++) { h = (n - 1) * p[i]; lo = int(h)
         want = (lo >= n - 1) ? x[n - 1] : x[lo] + (h - lo) * (x[lo + 1] - x[lo])
         got = $(6 + i); d = got - want; if (d < 0) d = -d
         if (d > 1e-12 * want) { print "percentile " p[i] ": " got " != " want; bad = 1 } }
       if ($6 != n) { print "runs " $6 " != " n; bad = 1 } }
     END { exit bad }' values.txt FS=, <(grep '^baseline,gdp_real,CN,A,2003,' j1.csv)
check test $? -eq 0
check test "$(sqlite3 j1.sqlite "SELECT count(DISTINCT value) FROM parameters WHERE name = 'c2_wealth'")" = 8
check test "$(sqlite3 j1.sqlite "SELECT min(value) >= 0.001 AND max(value) < 0.004 FROM parameters WHERE name = 'c2_wealth'")" = 1
check test "$(sqlite3 j1.sqlite "SELECT min(value) >= 0.35 AND max(value) < 0.45 FROM parameters WHERE name = 'c1_top'")" = 1
check test "$(sqlite3 j1.sqlite "SELECT count(DISTINCT value) FROM parameters WHERE name = 'c1_bottom'")" = 1
check test "$(sqlite3 j1.sqlite "SELECT group_concat(seed) FROM (SELECT seed FROM runs ORDER BY replicate)")" = "0,1,2,3,4,5,6,7"

# ---- 3. SIGKILL at random moments, then resume ---------------------------------------
RANDOM=$$
for round in 1 2 3 4 5; do
  delay=$(printf "0.%02d" $((2 + RANDOM % 38)))
  "$Y" ensemble "${ENS[@]}" --jobs 2 --store kill.sqlite --csv kill.csv 2>>kill.err &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  echo "round $round: killed after ${delay} s, $(sqlite3 kill.sqlite 'SELECT count(*) FROM ensemble_runs' 2>/dev/null || echo 0) runs stored"
done
"$Y" ensemble "${ENS[@]}" --jobs 2 --store kill.sqlite --csv kill.csv 2>>kill.err
check test $? -eq 0
check test "$(sqlite3 kill.sqlite 'SELECT count(*), count(DISTINCT run_index), min(run_index), max(run_index) FROM ensemble_runs')" = "8|8|0|7"
check test "$(sqlite3 kill.sqlite 'SELECT count(*) FROM runs')" = 8
check test "$(sqlite3 kill.sqlite 'SELECT count(*) FROM runs WHERE id NOT IN (SELECT run_id FROM ensemble_runs)')" = 0
check cmp -s j1.csv kill.csv
dump kill.sqlite >kill.dump
check cmp -s j1.dump kill.dump
# the same command once more: nothing left to run, nothing added
"$Y" ensemble "${ENS[@]}" --store kill.sqlite 2>again.err
check test $? -eq 0
check grep -q "resuming, 8 of 8 runs already" again.err
check test "$(sqlite3 kill.sqlite 'SELECT count(*) FROM runs')" = 8

# ---- MPI: one and two ranks ------------------------------------------------------------
if [ -n "$MPIRUN" ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
  for np in 1 2; do
    ASAN_OPTIONS=detect_leaks=0 "$MPIRUN" -np $np "$Y" ensemble "${ENS[@]}" --store mpi$np.sqlite \
      --csv mpi$np.csv 2>mpi$np.err
    check test $? -eq 0
    check cmp -s j1.csv mpi$np.csv
    dump mpi$np.sqlite >mpi$np.dump
    check cmp -s j1.dump mpi$np.dump
  done
  # worker processes and ranks do not mix: refused, exit 2, before any run
  ASAN_OPTIONS=detect_leaks=0 "$MPIRUN" -np 2 "$Y" ensemble "${ENS[@]}" --jobs 2 \
    --store mpijobs.sqlite 2>mpijobs.err
  rc=$?
  if [ $rc -ne 0 ] && [ ! -e mpijobs.sqlite ] &&
    grep -q -- "--jobs with mpirun: give one rank per core instead (each rank runs its share itself)" mpijobs.err
  then ok; else bad "mpirun --jobs 2: exit $rc, stderr: $(cat mpijobs.err)"; fi
else
  echo "MPI not built: the rank test is skipped"
fi

# ---- 5. failures while it runs (docs/errors.md 3, ensemble) ---------------------------
# a run that fails (the hyper-inflation parameters pass the int64 range in
# 2000): reported with its index, recorded as failed (not to be run again),
# exit 1, and the percentiles leave it out
"$Y" ensemble "$SRC/tests/scenarios/hyperinflation.yaml" --runs 2 --jobs 1 --households 100 \
  --firms 50 --to 2003 --data "$DATA" --store fail.sqlite 2>fail.err
rc=$?
if [ $rc -eq 1 ] && grep -q "ensemble 'hyperinflation': run 0 failed: 2000-[0-9]*: wage bill is .* beyond the int64 yuan range" fail.err &&
  grep -q "ensemble 'hyperinflation': run 1 failed: " fail.err &&
  [ "$(sqlite3 fail.sqlite "SELECT count(*) FROM ensemble_runs WHERE run_id IS NULL AND message LIKE '%wage bill%'")" = 2 ]
then ok; else bad "failing runs: exit $rc, stderr: $(cat fail.err)"; fi
# a worker killed while the others go on: the writer says which stopped and
# how many runs are done, exits 1, and the same command completes the ensemble
"$Y" ensemble "${ENS[@]}" --jobs 2 --store worker.sqlite --csv worker.csv 2>worker.err &
pid=$!
child=
for _ in $(seq 100); do
  child=$(pgrep -P "$pid" | head -1)
  [ -n "$child" ] && break
  sleep 0.05
done
sleep 0.5
[ -n "$child" ] && kill -9 "$child"
wait "$pid"
rc=$?
if [ -n "$child" ] && [ $rc -eq 1 ] && grep -Eq "worker [01] stopped before its runs were done" worker.err &&
  grep -Eq "ensemble 'baseline': [0-7] of 8 runs done; run the same command again to resume" worker.err
then ok; else bad "killed worker $child: exit $rc, stderr: $(cat worker.err)"; fi
"$Y" ensemble "${ENS[@]}" --jobs 2 --store worker.sqlite --csv worker.csv 2>>worker.err
check test $? -eq 0
check test "$(sqlite3 worker.sqlite 'SELECT count(*), count(DISTINCT run_index) FROM ensemble_runs')" = "8|8"
check cmp -s j1.csv worker.csv
# a damaged store (a table dropped by hand): the error names the store and
# what SQLite said; the runs stored before are kept
cp j1.sqlite damaged.sqlite
sqlite3 damaged.sqlite "DROP TABLE ensemble_percentiles"
"$Y" ensemble "${ENS[@]}" --store damaged.sqlite 2>damaged.err
rc=$?
if [ $rc -eq 1 ] && grep -q "cannot write run store 'damaged.sqlite': cannot prepare a statement: no such table: ensemble_percentiles" damaged.err &&
  [ "$(sqlite3 damaged.sqlite 'SELECT count(*) FROM ensemble_runs')" = 8 ]
then ok; else bad "damaged store: exit $rc, stderr: $(cat damaged.err)"; fi

# too few file descriptors for a pipe per worker (ulimit -n 10): the writer
# says so and stops (exit 1); the runs it could do are kept
(ulimit -n 10; "$Y" ensemble "$SRC/tests/scenarios/oom.yaml" --runs 8 --jobs 8 --data "$DATA" \
  --store pipe.sqlite 2>pipe.err)
rc=$?
if [ $rc -eq 1 ] && grep -q "cannot make a pipe: Too many open files" pipe.err
then ok; else bad "ulimit -n 10: exit $rc, stderr: $(cat pipe.err)"; fi

# ---- 4. bad input ------------------------------------------------------------------------
expect() { # expect CODE REGEX ARGS...
  local code=$1 re=$2
  shift 2
  "$Y" ensemble "$@" >/dev/null 2>err.txt
  local rc=$?
  if [ $rc -eq "$code" ] && grep -Eq -- "$re" err.txt; then ok; else
    bad "ensemble $*: exit $rc, stderr: $(cat err.txt)"; fi
}
expect 2 "how many runs\\? give --runs N \\(or --seeds N\\)" "${SMALL[@]}"
expect 2 "--runs must be an integer in \\[1, 1000000\\], got '0'" --runs 0
expect 2 "option '--runs' needs a value" --runs
expect 2 "unknown parameter 'c2_welth' \\(did you mean 'c2_wealth'\\?\\)" --runs 2 --draw c2_welth=0:0.01
expect 2 "unknown parameter 'zzzzzzzzzzzz'" --runs 2 --draw zzzzzzzzzzzz=0:0.01
expect 2 "--draw c2_wealth: LO must be below HI, got 0.004:0.001" --runs 2 --draw c2_wealth=0.004:0.001
expect 2 "--draw c2_wealth: the range must be inside \\[0, 0.05\\] \\(share of net wealth per month\\), got 0:1" \
  --runs 2 --draw c2_wealth=0:1
expect 2 "--draw expects NAME=LO:HI, got 'c2_wealth=0.1'" --runs 2 --draw c2_wealth=0.1
expect 2 "--draw expects NAME=LO:HI with two numbers, got 'c2_wealth=a:b'" --runs 2 --draw c2_wealth=a:b
expect 2 "parameter 'c2_wealth' is drawn twice" --runs 2 --draw c2_wealth=0:0.01 --draw c2_wealth=0:0.02
expect 2 "--jobs must be an integer in \\[1, 1024\\], got '0'" --runs 2 --jobs 0
expect 2 "--seed must be an integer in \\[0, 2\\^53-1\\], got '-1'" --runs 2 --seed -1
expect 2 "--name must be 1 to 100 printable characters, got ''" --runs 2 --name ""
expect 2 "unknown option '--draws' \\(did you mean '--draw'\\?\\)" --runs 2 --draws x
expect 2 "an ensemble runs one scenario, got 'a.yaml' and 'b.yaml'" a.yaml b.yaml --runs 2
# 33 distinct parameters drawn over their whole ranges: one more than the limit
mapfile -t many < <("$Y" params | awk -F'|' '/^\| `/ { name = $2; gsub(/[` ]/, "", name);
  range = $4; gsub(/[][ ]/, "", range); split(range, r, ",");
  if (r[1] + 0 < r[2] + 0) printf "--draw\n%s=%s:%s\n", name, r[1], r[2] }' | head -66)
expect 2 "too many --draw options \\(at most 32\\)" --runs 2 "${many[@]}"
expect 2 "parameter 'c2_wealth' must be in \\[0, 0.05\\] \\(share of net wealth per month\\), got 1" \
  --runs 2 --set c2_wealth=1 "${SMALL[@]}"
expect 2 "ensemble 'baseline' in 'j1.sqlite' was made with other settings \\('draw c2_wealth=.*', now 'draw c2_wealth=.*'\\): give another --name to start a new one" \
  --runs 8 --draw c2_wealth=0.001:0.005 --draw c1_top=0.35:0.45 "${SMALL[@]}" --store j1.sqlite
# a run that cannot start (a path over the data) stops the ensemble, records nothing
expect 2 "ensemble 'over the data': run [0-9]+ cannot start: .*over_data.yaml:4:15: error: path 'fed_funds'" \
  "$SRC/tests/scenarios/over_data.yaml" --runs 4 --jobs 2 "${SMALL[@]}" --store bad.sqlite
check test "$(sqlite3 bad.sqlite 'SELECT count(*) FROM ensemble_runs')" = 0
expect 2 "ensemble 'over the data': run [0-9]+ cannot start" \
  "$SRC/tests/scenarios/over_data.yaml" --runs 4 --jobs 1 "${SMALL[@]}" --store bad.sqlite
expect 2 "cannot write 'no-such-dir/x.sqlite'" --runs 2 "${SMALL[@]}" --store no-such-dir/x.sqlite
"$Y" ensemble --help | grep -q "usage: yuanflow ensemble"
check test $? -eq 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
