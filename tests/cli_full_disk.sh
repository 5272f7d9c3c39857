#!/usr/bin/env bash
# A full disk gives an error, not a corrupt file (docs/errors.md section 1):
# `yuanflow run` writes to a small tmpfs that fills up. The CSV and JSON
# writers must fail with "No space left on device", leave an earlier file as
# it was and no temporary file behind; the run store must refuse the second
# run ("database or disk is full") and keep the first whole. Needs root to
# mount the tmpfs: otherwise skipped (exit 77), and tests/test_output.c's
# RLIMIT_FSIZE tests still cover the writers.
# Usage: cli_full_disk.sh YUANFLOW SQLITE3 DATA WORK
set -uo pipefail
yuanflow=$1 sqlite=$2 data=$3 work=$4
rm -rf "$work" && mkdir -p "$work/tiny" || exit 1
if ! mount -t tmpfs -o size=280k tmpfs "$work/tiny" 2>/dev/null; then
  echo "SKIPPED: cannot mount a tmpfs (needs root)"
  exit 77
fi
trap 'umount "$work/tiny"' EXIT
cd "$work"
failed=0
check() { if eval "$1"; then echo "ok: $2"; else echo "FAILED: $2" >&2; failed=1; fi; }
small=(--to 2000 --households 100 --firms 50 --data "$data")

# The store: a first run fits (about 210 kB with the series of issue 5; 140 kB before),
# a second does not.
"$yuanflow" run "${small[@]}" --store tiny/s.sqlite >/dev/null 2>err1
rc=$?
check '[ $rc -eq 0 ]' "the first run is stored (exit $rc)"
"$yuanflow" run "${small[@]}" --store tiny/s.sqlite >/dev/null 2>err2
rc=$?
check '[ $rc -eq 1 ]' "the second run fails with exit 1 (got $rc)"
check 'grep -q "cannot write run store .tiny/s.sqlite.: .*database or disk is full" err2' \
  "the store's message says the disk is full: $(head -c 200 err2)"
check '[ "$("$sqlite" tiny/s.sqlite "PRAGMA integrity_check")" = ok ]' "the store passes the integrity check"
check '[ "$("$sqlite" tiny/s.sqlite "SELECT count(*) FROM runs")" = 1 ]' "the store holds the first run only"

# CSV and JSON on the full disk: an earlier file is kept, no temporary file is left.
echo "an earlier file" >tiny/out.csv
dd if=/dev/zero of=tiny/filler bs=1k count=400 2>/dev/null # fill what is left
"$yuanflow" run "${small[@]}" --no-store --csv tiny/out.csv --json tiny/out.json >/dev/null 2>err3
rc=$?
check '[ $rc -eq 1 ]' "the run with CSV and JSON fails with exit 1 (got $rc)"
check 'grep -q "cannot write .tiny/out.csv.: No space left on device" err3' "the CSV message: $(head -c 200 err3)"
check 'grep -q "cannot write .tiny/out.json.: No space left on device" err3' "the JSON message"
check '[ "$(cat tiny/out.csv)" = "an earlier file" ]' "the earlier CSV file is unchanged"
check '[ ! -e tiny/out.json ]' "no JSON file"
check '[ -z "$(ls -A tiny | grep -v -x -e s.sqlite -e out.csv -e filler)" ]' "no temporary file left: $(ls -A tiny | tr '\n' ' ')"
[ $failed = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $failed
