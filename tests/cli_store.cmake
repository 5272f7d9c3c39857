# `yuanflow run` writes its outputs (docs/outputs.md): two short runs go into one
# SQLite store, a tidy CSV and a JSON file. The store is read back with the
# sqlite3 shell and checked against counts worked out here: 2000-2001 is 24
# months and 2 years; the parameters are the rows of `yuanflow params`; every
# annual value is recomputed in SQL from the monthly ones.
# Variables: YUANFLOW (the command), SQLITE3 (the shell), DATA (data dir), WORK (scratch dir).
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(store ${WORK}/runs.sqlite)

function(run_yuanflow expect_rc)
  execute_process(COMMAND ${YUANFLOW} ${ARGN} WORKING_DIRECTORY ${WORK}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL ${expect_rc})
    message(FATAL_ERROR "yuanflow ${ARGN}: exit ${rc}, expected ${expect_rc}\n${err}")
  endif()
  set(stderr_text "${err}" PARENT_SCOPE)
endfunction()

# The query's single line of output must equal `want`.
function(expect_sql want sql)
  execute_process(COMMAND ${SQLITE3} -batch -readonly ${store} "${sql}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0 OR NOT out STREQUAL "${want}")
    message(FATAL_ERROR "${sql}\n  gave '${out}' ${err}, expected '${want}'")
  endif()
endfunction()

set(small --to 2001 --households 2000 --firms 500 --data ${DATA})
run_yuanflow(0 run ${small} --store ${store} --csv ${WORK}/run.csv --json ${WORK}/run.json)
if(NOT stderr_text MATCHES "stored as run 1 in ${store} \\(scenario 'baseline', hash [0-9a-f]+\\)")
  message(FATAL_ERROR "no word of the store on stderr: ${stderr_text}")
endif()
# A second run of the same scenario accumulates; a third under another name.
run_yuanflow(0 run ${small} --store ${store})
if(NOT stderr_text MATCHES "stored as run 2 in")
  message(FATAL_ERROR "the second run is not run 2: ${stderr_text}")
endif()
run_yuanflow(0 run ${small} --store ${store} --scenario-name "trade war" --set policy_rate_offset=-0.01)

# Expected counts, worked out independently of the store.
execute_process(COMMAND ${YUANFLOW} params OUTPUT_VARIABLE params_table)
string(REGEX MATCHALL "\n\\| `" param_rows "${params_table}")
list(LENGTH param_rows n_params)
if(n_params LESS 10)
  message(FATAL_ERROR "cannot count the parameters: ${n_params}")
endif()
execute_process(COMMAND ${SQLITE3} -batch -readonly ${store} "SELECT count(*) FROM series WHERE run_id = 1"
                OUTPUT_VARIABLE n_series OUTPUT_STRIP_TRAILING_WHITESPACE)
if(n_series LESS 20)
  message(FATAL_ERROR "run 1 has only '${n_series}' series")
endif()
math(EXPR n_obs "${n_series} * 26")
math(EXPR n_obs_all "${n_series} * 26 * 3")
math(EXPR n_params_all "${n_params} * 3")

expect_sql("3" "SELECT count(*) FROM runs")
expect_sql("1|2|3" "SELECT group_concat(id, '|') FROM (SELECT id FROM runs ORDER BY id)")
expect_sql("baseline|baseline|trade war" "SELECT group_concat(scenario, '|') FROM (SELECT scenario FROM runs ORDER BY id)")
expect_sql("2000-01|24|2000|500|0|1|0.1.0" "SELECT DISTINCT start || '|' || months || '|' || households || '|' || firms || '|' || seed || '|' || replicate || '|' || version FROM runs")
expect_sql("3" "SELECT count(*) FROM runs WHERE created GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'")
# The same scenario has the same hash; a changed parameter changes it.
expect_sql("1" "SELECT count(DISTINCT scenario_hash) FROM runs WHERE id IN (1, 2)")
expect_sql("0" "SELECT count(*) FROM runs a, runs b WHERE a.id = 1 AND b.id = 3 AND a.scenario_hash = b.scenario_hash")
expect_sql("${n_params_all}" "SELECT count(*) FROM parameters")
expect_sql("-0.01" "SELECT value FROM parameters WHERE run_id = 3 AND name = 'policy_rate_offset'")
expect_sql("${n_obs_all}" "SELECT count(*) FROM observations")
expect_sql("${n_obs}" "SELECT count(*) FROM observations WHERE run_id = 2")
expect_sql("24" "SELECT DISTINCT count(*) FROM observations WHERE frequency = 'M' GROUP BY run_id, series")
expect_sql("2" "SELECT DISTINCT count(*) FROM observations WHERE frequency = 'A' GROUP BY run_id, series")
expect_sql("2000-01|2001-12|2000|2001" "SELECT min(CASE frequency WHEN 'M' THEN date END) || '|' || max(CASE frequency WHEN 'M' THEN date END) || '|' || min(CASE frequency WHEN 'A' THEN date END) || '|' || max(CASE frequency WHEN 'A' THEN date END) FROM observations")
# The aggregation each unit implies (docs/outputs.md section 3).
expect_sql("sum|sum|last|last|mean|mean" "SELECT group_concat(aggregation, '|') FROM (SELECT aggregation FROM series WHERE run_id = 1 AND name IN ('gdp_nominal', 'exports_usd', 'fx_reserves_usd', 'm2', 'usdcny', 'unemployment') ORDER BY CASE name WHEN 'gdp_nominal' THEN 1 WHEN 'exports_usd' THEN 2 WHEN 'fx_reserves_usd' THEN 3 WHEN 'm2' THEN 4 WHEN 'usdcny' THEN 5 ELSE 6 END)")
# Every annual value, recomputed from its months: the sum, the mean or December;
# missing when a month is missing.
expect_sql("0" "
SELECT count(*) FROM observations a JOIN series s ON s.run_id = a.run_id AND s.name = a.series
WHERE a.frequency = 'A' AND NOT (
  CASE WHEN a.value IS NULL THEN
    (SELECT count(*) FROM observations m WHERE m.run_id = a.run_id AND m.series = a.series
       AND m.frequency = 'M' AND substr(m.date, 1, 4) = a.date AND m.value IS NULL) > 0
  ELSE abs(a.value - CASE s.aggregation
    WHEN 'sum' THEN (SELECT sum(value) FROM observations m WHERE m.run_id = a.run_id
       AND m.series = a.series AND m.frequency = 'M' AND substr(m.date, 1, 4) = a.date)
    WHEN 'mean' THEN (SELECT sum(value) / 12.0 FROM observations m WHERE m.run_id = a.run_id
       AND m.series = a.series AND m.frequency = 'M' AND substr(m.date, 1, 4) = a.date)
    ELSE (SELECT value FROM observations m WHERE m.run_id = a.run_id AND m.series = a.series
       AND m.frequency = 'M' AND m.date = a.date || '-12') END) <= 1e-9 * abs(a.value)
  END)")
# The same scenario twice gives the same values.
expect_sql("0" "SELECT count(*) FROM observations a JOIN observations b ON b.run_id = 2 AND b.series = a.series AND b.frequency = a.frequency AND b.date = a.date WHERE a.run_id = 1 AND a.value IS NOT b.value")
expect_sql("ok" "PRAGMA integrity_check")

# The CSV has one row per observation of the run, and the JSON the run's size.
file(STRINGS ${WORK}/run.csv csv_lines)
list(LENGTH csv_lines n_lines)
math(EXPR n_rows "${n_lines} - 1")
if(NOT n_rows EQUAL n_obs)
  message(FATAL_ERROR "run.csv has ${n_rows} rows, expected ${n_obs}")
endif()
list(GET csv_lines 0 header)
list(GET csv_lines 1 first)
if(NOT header STREQUAL "scenario,run,seed,date,series,region,value" OR NOT first MATCHES "^baseline,1,0,2000-01,[a-z_]+,CN,")
  message(FATAL_ERROR "run.csv starts '${header}' '${first}'")
endif()
file(READ ${WORK}/run.json json_text)
if(NOT json_text MATCHES "\"months\": 24," OR NOT json_text MATCHES "\"annual\": \\[\n +\"2000\",\n +\"2001\"\n")
  message(FATAL_ERROR "run.json lacks the run's size or its years")
endif()

# A store path that cannot be written is refused before the run (exit 2),
# and nothing is created.
run_yuanflow(2 run ${small} --store ${WORK}/no-such-dir/x.sqlite)
if(NOT stderr_text MATCHES "cannot write '${WORK}/no-such-dir/x.sqlite'")
  message(FATAL_ERROR "unclear error: ${stderr_text}")
endif()
# --no-store writes no store; the default store goes to runs/ of the current directory.
run_yuanflow(0 run ${small} --no-store)
if(EXISTS ${WORK}/runs)
  message(FATAL_ERROR "--no-store made runs/")
endif()
run_yuanflow(0 run --to 2000 --households 200 --firms 50 --data ${DATA})
if(NOT EXISTS ${WORK}/runs/yuanflow.sqlite OR NOT stderr_text MATCHES "stored as run 1 in runs/yuanflow.sqlite")
  message(FATAL_ERROR "the default store is not runs/yuanflow.sqlite: ${stderr_text}")
endif()
file(REMOVE_RECURSE ${WORK})
