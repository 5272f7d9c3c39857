#!/usr/bin/env bash
# bench_ensemble.sh: throughput of `yuanflow ensemble` with 1 and 2 worker
# processes and, when mpirun is there, 1 and 2 MPI ranks (a benchmark, not a
# test; docs/performance.md). Each configuration writes a fresh store; the
# wall time of the whole command (runs, store, percentiles) is reported, with
# the median of REPS repetitions.
#
#   bench/bench_ensemble.sh YUANFLOW DATA_DIR [RUNS] [HOUSEHOLDS] [TO_YEAR] [REPS]
#
# defaults: 8 runs of 10,000 households to 2035, 3 repetitions. A second line
# per configuration measures what the store and the processes cost: the same
# count of runs of 100 households over one year (--to 2000).
set -euo pipefail
Y=$(realpath "$1") DATA=$(realpath "$2")
RUNS=${3:-8} HH=${4:-10000} TO=${5:-2035} REPS=${6:-3}
WORK=$(mktemp -d /tmp/yf_bench_ensemble_XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
MPIRUN=$(command -v mpirun || true)

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run_config LABEL LAUNCHER HOUSEHOLDS TO_YEAR (LAUNCHER: jobsN or mpiN)
run_config() {
  local label=$1 launcher=$2 hh=$3 to=$4
  local times=()
  for r in $(seq "$REPS"); do
    rm -f "$WORK/s.sqlite"
    local t0 t1
    t0=$(date +%s.%N)
    case $launcher in
      jobs*) "$Y" ensemble --runs "$RUNS" --draw c2_wealth=0.001:0.004 --households "$hh" --to "$to" \
               --data "$DATA" --store "$WORK/s.sqlite" --jobs "${launcher#jobs}" 2>/dev/null ;;
      mpi*) "$MPIRUN" -np "${launcher#mpi}" "$Y" ensemble --runs "$RUNS" --draw c2_wealth=0.001:0.004 \
               --households "$hh" --to "$to" --data "$DATA" --store "$WORK/s.sqlite" 2>/dev/null ;;
    esac
    t1=$(date +%s.%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")
  done
  local m
  m=$(printf '%s\n' "${times[@]}" | median)
  printf '| %s | %d | %d | %s | %.2f s | %.3g runs/s |\n' "$label" "$RUNS" "$hh" "$to" "$m" \
    "$(awk -v n="$RUNS" -v t="$m" 'BEGIN { print n / t }')"
}

echo "| workers | runs | households | to | median wall time | throughput |"
echo "|---|--:|--:|--:|--:|--:|"
configs=(jobs1 jobs2)
[ -n "$MPIRUN" ] && configs+=(mpi1 mpi2)
for c in "${configs[@]}"; do
  label=${c/jobs/--jobs }
  label=${label/mpi/mpirun -np }
  run_config "$label" "$c" "$HH" "$TO"
done
for c in "${configs[@]}"; do
  label=${c/jobs/--jobs }
  label=${label/mpi/mpirun -np }
  run_config "$label (store cost)" "$c" 100 2000
done
