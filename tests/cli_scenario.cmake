# `yuanflow run` with scenario files (docs/scenarios.md): a bad scenario is
# refused before anything runs and writes nothing (no store, no CSV), also
# when it is the second of two; a good one writes its store under its own
# name. Variables: YUANFLOW, DATA (data dir), SRC (source dir), WORK (scratch dir).
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(small --to 2000 --households 100 --firms 50 --data ${DATA})

function(run_yuanflow expect_rc)
  execute_process(COMMAND ${YUANFLOW} ${ARGN} WORKING_DIRECTORY ${WORK}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL ${expect_rc})
    message(FATAL_ERROR "yuanflow ${ARGN}: exit ${rc}, expected ${expect_rc}\n${err}")
  endif()
  set(stdout_text "${out}" PARENT_SCOPE)
  set(stderr_text "${err}" PARENT_SCOPE)
endfunction()

# A good file then a bad one: nothing runs, nothing is written.
run_yuanflow(2 run ${SRC}/scenarios/history.yaml ${SRC}/tests/scenarios/unknown_param.yaml
             ${small} --store ${WORK}/runs.sqlite)
if(EXISTS ${WORK}/runs.sqlite OR NOT stdout_text STREQUAL "")
  message(FATAL_ERROR "a refused scenario wrote something: ${stdout_text}")
endif()
if(NOT stderr_text MATCHES "unknown_param.yaml:4:3: error: unknown parameter 'c1_botom' \\(did you mean 'c1_bottom'\\?\\)\n    4 \\|   c1_botom: 0.9\n      \\|   \\^")
  message(FATAL_ERROR "no located error with the line and a caret: ${stderr_text}")
endif()
run_yuanflow(2 run ${SRC}/tests/scenarios/truncated.yaml ${small} --csv ${WORK}/x.csv --no-store)
if(EXISTS ${WORK}/x.csv)
  message(FATAL_ERROR "a truncated scenario wrote its CSV")
endif()
# A path over the data is refused when the run is built: exit 2, nothing written.
run_yuanflow(2 run ${SRC}/tests/scenarios/over_data.yaml ${small} --store ${WORK}/runs.sqlite)
if(EXISTS ${WORK}/runs.sqlite)
  message(FATAL_ERROR "a refused path wrote the store")
endif()

# Two scenarios: each table under its name, each run stored under its name.
run_yuanflow(0 run ${SRC}/scenarios/history.yaml ${SRC}/scenarios/baseline.yaml ${small}
             --store ${WORK}/runs.sqlite)
if(NOT stdout_text MATCHES "## history \\(.*history.yaml\\)\n\n\\| year \\|.*## baseline \\(.*baseline.yaml\\)")
  message(FATAL_ERROR "no table per scenario: ${stdout_text}")
endif()
if(NOT stderr_text MATCHES "stored as run 1 in .* \\(scenario 'history', .*stored as run 2 in .* \\(scenario 'baseline',")
  message(FATAL_ERROR "runs not stored under their names: ${stderr_text}")
endif()
# Without a scenario: the baseline beside the data directory (DATA/../scenarios).
run_yuanflow(0 run ${small} --no-store)
if(NOT stdout_text MATCHES "\\| 2000 \\| n/a \\|")
  message(FATAL_ERROR "the default run printed no table: ${stdout_text}")
endif()
# compare: annual values carry annual units (a flow "per month" is summed over
# the year, so it is shown "per year"), a scenario against itself differs by
# nothing, and a stock of none (the history has no consumer loans) reads 0,
# with no relative change from it.
run_yuanflow(0 compare ${SRC}/scenarios/history.yaml ${SRC}/scenarios/history.yaml
             --series home_sales,gdp_real,unemployment,consumer_loans --years 2000 ${small})
foreach(want "| home_sales | homes per year | 2000 | [^|]+ | [^|]+ | \\+0 \\(\\+0.0%\\) |"
             "| consumer_loans | tn yuan | 2000 | 0 | 0 | \\+0 |"
             "| gdp_real | tn 2000 yuan/yr | 2000 |" "| unemployment | % | 2000 | [^|]+ | [^|]+ | \\+0.00 pp |")
  string(REPLACE "|" "\\|" pattern "${want}")
  if(NOT stdout_text MATCHES "${pattern}")
    message(FATAL_ERROR "compare printed no '${want}':\n${stdout_text}")
  endif()
endforeach()
