#!/usr/bin/env bash
# The calibration of record, from one command (docs/validation.md 6):
#   1. yuanflow calibrate: the free parameters of scenarios/history.yaml fitted to
#      2000-2018 (5,000 households, BOBYQA from 2 starts in parallel, every
#      evaluation recorded in runs/yuanflow.sqlite: run it again after an
#      interruption and it replays what was done and continues);
#   2. yuanflow validate on the result, 2000-2024 at the scenario's 100,000
#      households, its tables spliced into docs/validation.md section 7.
# Environment: MAX_EVALS (default 300 per start), STARTS (default 2), NICE (19).
# Run from a built tree (bash scripts/setup.sh first).
set -euo pipefail
cd "$(dirname "$0")/.."
Y=build/release/yuanflow
[ -x "$Y" ] || { echo "calibrate.sh: $Y not built (bash scripts/setup.sh)" >&2; exit 2; }
nice -n "${NICE:-19}" "$Y" calibrate scenarios/history.yaml --max-evals "${MAX_EVALS:-300}" \
  --starts "${STARTS:-2}" --out scenarios/calibrated.yaml | tee runs/calibration.md
nice -n "${NICE:-19}" "$Y" validate scenarios/calibrated.yaml --csv runs/validation_calibrated.csv \
  --json runs/validation_calibrated.json > runs/validation_calibrated.md
python3 tools/splice.py docs/validation.md calibration=runs/calibration.md \
  validation=runs/validation_calibrated.md
echo "calibrate.sh: scenarios/calibrated.yaml and docs/validation.md section 7 updated"
