#!/usr/bin/env bash
# Failures a user's input cannot cause, provoked by the LD_PRELOAD shim
# tests/syscall_fault.c (YF_FAULT says what it breaks), each checked for its
# message (docs/errors.md), its exit code, and that the same command then
# resumes with every run stored once:
#   1. fork failing for the second worker (root is not limited by ulimit -u);
#   2. poll failing in the writer: the workers are stopped, not waited for
#      on a full pipe for ever;
#   3. a worker whose message is shorter than a header, and one whose last
#      series is cut: "a worker sent a damaged run";
#   4. waitpid failing while the report waits for node to write images;
#   5. under mpirun -np 2, rank 0 out of memory receiving rank 1's run.
# usage: cli_faults.sh YUANFLOW SHIM DATA_DIR WORK_DIR SANITIZED [MPIRUN]
set -u
Y=$1 SHIM=$2 DATA=$3 WORK=$4 SANITIZED=$5 MPIRUN=${6:-}
command -v sqlite3 >/dev/null || { echo "SKIPPED: no sqlite3 shell (scripts/install-deps.sh)"; exit 77; }
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }
# expect CODE TEXT FILE: the last command's exit code and a line of its stderr
expect() {
  if [ "$rc" -eq "$1" ] && grep -q -- "$2" "$3"; then ok
  else bad "$3: exit $rc (expected $1), expected '$2' in: $(cat "$3")"; fi
}
runs_in() { sqlite3 "$1" 'SELECT count(*) || ":" || count(DISTINCT replicate) FROM runs'; }
# The shim comes first; under AddressSanitizer it may (ASan would refuse to
# start otherwise), and its functions call ASan's interceptors after their own.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0"
faulty() { timeout 300 env YF_FAULT="$1" LD_PRELOAD="$SHIM" "${@:2}"; }

SMALL=(--households 300 --firms 50 --to 2001 --data "$DATA")

# ---- 1. fork fails for the second worker ------------------------------------------
faulty fork@2 "$Y" ensemble --runs 4 --jobs 2 "${SMALL[@]}" --store fork.sqlite 2>fork.err
rc=$?
expect 1 "yuanflow: error: cannot start a worker: Resource temporarily unavailable" fork.err
expect 1 "ensemble 'baseline': 2 of 4 runs done; run the same command again to resume" fork.err
"$Y" ensemble --runs 4 --jobs 2 "${SMALL[@]}" --store fork.sqlite 2>fork2.err
rc=$?
if [ $rc -eq 0 ] && [ "$(runs_in fork.sqlite)" = "4:4" ]; then ok; else bad "fork resume: exit $rc, runs $(runs_in fork.sqlite)"; fi

# ---- 2. poll fails: the writer stops its workers and says how to resume --------------
faulty poll "$Y" ensemble --runs 2 --jobs 2 "${SMALL[@]}" --store poll.sqlite 2>poll.err
rc=$?
expect 1 "yuanflow: error: poll: Cannot allocate memory" poll.err
expect 1 "ensemble 'baseline': 0 of 2 runs done; run the same command again to resume" poll.err
"$Y" ensemble --runs 2 --jobs 2 "${SMALL[@]}" --store poll.sqlite 2>poll2.err
rc=$?
if [ $rc -eq 0 ] && [ "$(runs_in poll.sqlite)" = "2:2" ]; then ok; else bad "poll resume: exit $rc, runs $(runs_in poll.sqlite)"; fi

# ---- 3. damaged runs: too short for a header; the last series cut ----------------------
faulty short_run "$Y" ensemble --runs 2 --jobs 2 "${SMALL[@]}" --store short.sqlite 2>short.err
rc=$?
expect 1 "yuanflow: error: a worker sent a damaged run (16 bytes)" short.err
faulty cut_run "$Y" ensemble --runs 2 --jobs 2 "${SMALL[@]}" --store cut.sqlite 2>cut.err
rc=$?
expect 1 "yuanflow: error: a worker sent a damaged run [01]$" cut.err
# nothing of a damaged run is stored: both indices are done again
if [ "$(runs_in cut.sqlite)" = "0:0" ]; then ok; else bad "cut: runs stored $(runs_in cut.sqlite)"; fi
"$Y" ensemble --runs 2 --jobs 2 "${SMALL[@]}" --store cut.sqlite 2>cut2.err
rc=$?
if [ $rc -eq 0 ] && [ "$(runs_in cut.sqlite)" = "2:2" ]; then ok; else bad "cut resume: exit $rc, runs $(runs_in cut.sqlite)"; fi

# ---- 4. waitpid fails while the report waits for node ------------------------------
# node is a stand-in that succeeds, so only waitpid's failure can stop the images.
mkdir -p bin report_dir
printf '#!/bin/sh\nexit 0\n' >bin/node && chmod +x bin/node
echo "// a stand-in" >report_dir/images.js
PATH=$WORK/bin:$PATH YUANFLOW_REPORT_DIR=$WORK/report_dir faulty waitpid "$Y" report --store fork.sqlite --data "$DATA" \
  --out fork.html --images img 2>waitpid.err
rc=$?
if grep -q "built without the chart library" waitpid.err; then
  echo "this yuanflow has no chart library: the waitpid case is skipped"
else
  expect 1 "yuanflow: error: cannot write images: No child processes" waitpid.err
fi

# ---- 5. MPI: rank 0 out of memory receiving a run ------------------------------------
if [ -n "$MPIRUN" ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
  ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" faulty mpi_recv_oom "$MPIRUN" -np 2 "$Y" \
    ensemble --runs 2 "${SMALL[@]}" --store mpi.sqlite >mpi.out 2>mpi.err
  rc=$?
  if [ $rc -ne 0 ] && grep -q "yuanflow: error: out of memory receiving a run" mpi.err; then ok
  else bad "mpi_recv_oom: exit $rc, stderr: $(cat mpi.err)"; fi
  ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" timeout 300 "$MPIRUN" -np 2 "$Y" ensemble --runs 2 \
    "${SMALL[@]}" --store mpi.sqlite >mpi2.out 2>mpi2.err
  rc=$?
  if [ $rc -eq 0 ] && [ "$(runs_in mpi.sqlite)" = "2:2" ]; then ok
  else bad "mpi resume: exit $rc, runs $(runs_in mpi.sqlite), stderr: $(cat mpi2.err)"; fi
else
  echo "MPI not built: the receiver's out-of-memory case is skipped"
fi

echo "sanitized build: ${SANITIZED:-OFF}; $passed passed, $failed failed"
[ $failed -eq 0 ]
