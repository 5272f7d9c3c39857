#!/usr/bin/env bash
# The numbers the docs quote, regenerated from one command after a model change
# (a release build first: bash scripts/setup.sh). Each table goes between its
# markers (tools/splice.py); the prose around a table cites its numbers and is
# updated by hand from the same files, kept in runs/docs/:
#   docs/model.md 8        the baseline's table (yuanflow run --to 2035, 100,000 households)
#   docs/validation.md 4   yuanflow validate scenarios/history.yaml (the defaults' fit)
#   docs/housing.md        the history against the reference figures (20,000 households)
#   docs/scenarios.md      the counterfactual library side by side (yuanflow compare,
#                          20,000 households): past what-ifs from the history, answers
#                          from the baseline
# About 4 minutes of CPU. A scenario whose run stops early is shown as far as it got
# (compare says so on stderr, kept in runs/docs/*.err).
set -euo pipefail
cd "$(dirname "$0")/.."
# Threads (docs/performance.md 7): on a machine shared with other work, waiting
# threads sleep instead of spinning (results do not depend on it).
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}
Y=build/release/yuanflow
[ -x "$Y" ] || { echo "docs_numbers.sh: $Y not built (bash scripts/setup.sh)" >&2; exit 2; }
out=runs/docs
mkdir -p "$out"
S=scenarios

"$Y" run --to 2035 --no-store > "$out/baseline.md"
"$Y" validate $S/history.yaml > "$out/validation.md"
"$Y" run $S/history.yaml --households 20000 --no-store --csv "$out/history.csv" > /dev/null
python3 tools/docs_tables.py housing "$out/history.csv" > "$out/housing.md"

series=gdp_real,cpi_inflation,unemployment,consumption_share,household_saving_rate
series=$series,exports_usd,fx_reserves_usd,usdcny,policy_rate,central_debt_share
series=$series,house_price_index,home_sales,land_revenue,lg_hidden_debt,lg_official_debt
series=$series,developer_defaults,labour_share,consumer_loans
past=()
for f in no_resettlement no_lgfv_after_2009 restrictions_2016 consumption_2009; do
  [ -f $S/$f.yaml ] && past+=($S/$f.yaml)
done
future=()
for f in trade_war_escalation pboc_cut_first trade_truce marshall_plan monetary_financing \
  consumption_credit rd_push; do
  [ -f $S/$f.yaml ] && future+=($S/$f.yaml)
done
"$Y" compare $S/history.yaml "${past[@]}" --households 20000 --series "$series" \
  --years 2009,2010,2012,2015,2018,2021,2024 > "$out/compare_past.md" 2> "$out/compare_past.err" || true
"$Y" compare $S/baseline.yaml "${future[@]}" --households 20000 --series "$series" \
  --years 2025,2026,2028,2030,2035 > "$out/compare_future.md" 2> "$out/compare_future.err" || true
for f in compare_past compare_future; do
  [ -s "$out/$f.md" ] || { echo "docs_numbers.sh: $f printed nothing: $(cat "$out/$f.err")" >&2; exit 1; }
done

python3 tools/splice.py docs/model.md baseline="$out/baseline.md"
python3 tools/splice.py docs/validation.md validation-defaults="$out/validation.md"
python3 tools/splice.py docs/housing.md housing-history="$out/housing.md"
python3 tools/splice.py docs/scenarios.md compare-past="$out/compare_past.md" \
  compare-future="$out/compare_future.md"
echo "docs_numbers.sh: tables updated; the prose cites them (runs/docs/)"
