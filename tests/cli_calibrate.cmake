# yuanflow calibrate end to end on a tiny problem (200 households, 2000-2002,
# a few evaluations): the best set is written as a scenario that loads and
# runs; the same command again evaluates nothing (every evaluation replayed
# from the store) and writes the same file; bad input exits 2 and writes nothing.
set(small --households 200 --firms 50 --data ${DATA} --to 2002 --max-evals 3 --starts 2 --jobs 2
          --store ${WORK}/c.sqlite --out ${WORK}/c.yaml)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${YUANFLOW} calibrate ${small} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "calibrate: exit ${rc}: ${err}")
endif()
if(NOT out MATCHES "evaluations: 8 run now, [0-9]+ replayed from the store, 8 recorded in all")
  message(FATAL_ERROR "first run: ${out}")
endif()
file(READ ${WORK}/c.yaml first)
if(NOT first MATCHES "name: calibrated\nextends: [^\n]*history.yaml\n" OR
   NOT first MATCHES "parameters:\n  rd_elasticity: [0-9.e-]+\n")
  message(FATAL_ERROR "calibrated scenario: ${first}")
endif()
execute_process(COMMAND ${YUANFLOW} calibrate ${small} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_QUIET)
if(NOT rc EQUAL 0 OR NOT out MATCHES "evaluations: 0 run now, [0-9]+ replayed from the store, 8 recorded")
  message(FATAL_ERROR "second run (exit ${rc}): ${out}")
endif()
set(table "${out}")
file(READ ${WORK}/c.yaml second)
if(NOT first STREQUAL second)
  message(FATAL_ERROR "the replayed calibration wrote another file")
endif()
# the written scenario runs
execute_process(COMMAND ${YUANFLOW} run ${WORK}/c.yaml --to 2000 --households 100 --firms 50
                --data ${DATA} --no-store RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "run of the calibrated scenario: exit ${rc}: ${err}")
endif()
function(expect_exit code)
  execute_process(COMMAND ${YUANFLOW} ${ARGN} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL ${code})
    message(FATAL_ERROR "yuanflow ${ARGN}: exit ${rc}, expected ${code}")
  endif()
endfunction()
set(bad --data ${DATA} --store ${WORK}/bad.sqlite --out ${WORK}/bad.yaml)
expect_exit(2 calibrate --seeds 0 ${bad})
expect_exit(2 calibrate ${SRC}/tests/scenarios/unknown_param.yaml ${bad})
expect_exit(2 calibrate --set c1_botom=1 ${bad})
expect_exit(2 calibrate --set c1_bottom=7 ${bad})
expect_exit(2 calibrate --to 2030 ${bad})
expect_exit(2 calibrate --data ${DATA} --out no-such-dir/c.yaml --store ${WORK}/bad.sqlite)
expect_exit(0 calibrate --help)
if(EXISTS ${WORK}/bad.sqlite OR EXISTS ${WORK}/bad.yaml)
  message(FATAL_ERROR "a refused calibration wrote a file")
endif()

# ---- failures (docs/errors.md 3, calibrate) ----------------------------------------
# every free parameter fixed by --set (the names from the table printed above):
# nothing to calibrate, exit 2, nothing written
string(REGEX MATCHALL "\\| `[a-z0-9_]+` \\| [0-9.e+-]+ \\|" rows "${table}")
set(fix_all)
foreach(row ${rows})
  string(REGEX REPLACE "^\\| `([a-z0-9_]+)` \\| ([0-9.e+-]+) \\|$" "\\1=\\2" setting "${row}")
  list(APPEND fix_all --set ${setting})
endforeach()
list(LENGTH rows n_rows)
if(n_rows LESS 5)
  message(FATAL_ERROR "the table of free parameters was not found: ${table}")
endif()
execute_process(COMMAND ${YUANFLOW} calibrate ${bad} ${fix_all} RESULT_VARIABLE rc OUTPUT_QUIET
                ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "every free parameter is fixed by --set: nothing to calibrate \\(the free parameters: docs/validation.md 6\\)"
   OR EXISTS ${WORK}/bad.sqlite OR EXISTS ${WORK}/bad.yaml)
  message(FATAL_ERROR "all fixed: exit ${rc}: ${err}")
endif()
# a store that refuses every evaluation (a trigger added by hand: as a full or
# locked store would): no evaluation is recorded, exit 1, no scenario written
if(SQLITE3)
  file(COPY_FILE ${WORK}/c.sqlite ${WORK}/refuse.sqlite)
  execute_process(COMMAND ${SQLITE3} ${WORK}/refuse.sqlite
                  "CREATE TRIGGER refuse BEFORE INSERT ON calibration_evaluations BEGIN SELECT RAISE(ABORT, 'refused by a test'); END;"
                  RESULT_VARIABLE rc)
  execute_process(COMMAND ${YUANFLOW} calibrate --households 100 --firms 50 --data ${DATA} --to 2001
                  --max-evals 2 --starts 1 --jobs 1 --seeds 2 --store ${WORK}/refuse.sqlite
                  --out ${WORK}/refuse.yaml RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "no evaluation was recorded \\(1 of 1 starts failed\\)"
     OR EXISTS ${WORK}/refuse.yaml)
    message(FATAL_ERROR "refusing store: exit ${rc}: ${err}")
  endif()
else()
  message(STATUS "no sqlite3 shell: the refusing store is not tested")
endif()
