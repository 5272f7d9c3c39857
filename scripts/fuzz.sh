#!/usr/bin/env bash
# Fuzz the scenario loader, the data loader and the command line with
# libFuzzer (clang; docs/errors.md, "Fuzzing").
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default 20 s each, all three
#
# Builds the preset "fuzz" (clang, -fsanitize=fuzzer,address,undefined), then
# runs each target in turn, one process, for the given time. The corpus grows
# in build/fuzz/corpus/TARGET (seeded from the shipped files: scenarios/,
# tests/scenarios/, data/, fuzz/seeds/cli/); a crash leaves its input in
# build/fuzz/findings/ and makes the script fail. Turn each crash into a
# regression: fix it, then copy the input into fuzz/regressions/TARGET/ (the
# fuzz_replay_TARGET tests replay it in every build).
# YF_FUZZ_NICE=19 runs the fuzzers at the lowest priority.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario data cli)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]/#/fuzz_}"

root=$PWD
mkdir -p build/fuzz/findings
status=0
for t in "${targets[@]}"; do
  corpus=$root/build/fuzz/corpus/$t
  mkdir -p "$corpus"
  case $t in
    scenario) seeds=("$root/scenarios" "$root/tests/scenarios") ;;
    data) seeds=("$root/data" "$root/tests/scenarios") ;;
    cli) seeds=("$root/fuzz/seeds/cli") ;;
    *) echo "fuzz.sh: unknown target '$t' (scenario, data, cli)" >&2; exit 2 ;;
  esac
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="$root/fuzz/$t.dict")
  echo "== fuzz_$t, ${seconds} s (corpus $corpus: $(ls "$corpus" | wc -l) inputs before)"
  # Absolute paths: fuzz_cli changes directory. One process; stdout and stderr of the target closed (libFuzzer keeps its
  # own report); 10 s per input at most; 2 GB of memory.
  if ! nice -n "${YF_FUZZ_NICE:-0}" build/fuzz/fuzz_$t "$corpus" "${seeds[@]}" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -close_fd_mask=3 -print_final_stats=1 \
        -artifact_prefix="$root/build/fuzz/findings/${t}-" 2>&1 | tee "build/fuzz/fuzz_$t.log" | grep -E '^(#[0-9]+.*DONE|==[0-9]+==|SUMMARY|stat::|Done)' ; then
    :
  fi
  if grep -qE 'ERROR: (libFuzzer|AddressSanitizer|UndefinedBehaviorSanitizer|LeakSanitizer)|runtime error|deadly signal' "build/fuzz/fuzz_$t.log"; then
    echo "fuzz.sh: fuzz_$t found a crash: see build/fuzz/fuzz_$t.log and build/fuzz/findings/" >&2
    status=1
  fi
  echo "   corpus $corpus: $(ls "$corpus" | wc -l) inputs after"
done
exit $status
