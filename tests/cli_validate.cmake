# yuanflow validate's outputs and exit codes (docs/validation.md): the CSV and
# JSON of a small run are written whole, carry the header and the sections;
# bad input exits 2 and writes nothing.
set(small --households 200 --firms 50 --data ${DATA} --from 2000 --to 2003 --split 2002)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${YUANFLOW} validate ${small} --csv ${WORK}/v.csv --json ${WORK}/v.json
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "validate: exit ${rc}: ${err}")
endif()
file(STRINGS ${WORK}/v.csv lines)
list(GET lines 0 header)
if(NOT header STREQUAL "section,series,data_series,compared,seed,year,statistic,value")
  message(FATAL_ERROR "CSV header: ${header}")
endif()
foreach(want "year,gdp_real,gdp_real_growth,growth,0,2001,simulated,"
             "year,gdp_real,gdp_real_growth,growth,,2001,actual,8.33"
             "status,house_price_tier1,house_price_index_nominal_bis,growth,,,no data,"
             "out_of_sample,gdp_real,gdp_real_growth,growth,0,,n,1"
             "score,,,,0,,window,")
  string(FIND "${lines}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "CSV has no line starting '${want}'")
  endif()
endforeach()
file(READ ${WORK}/v.json json)
string(JSON scenario GET "${json}" scenario)
string(JSON status GET "${json}" series 0 status)
string(JSON n GET "${json}" series 0 out_of_sample 0 n)
if(NOT scenario STREQUAL "history" OR NOT status STREQUAL "compared" OR NOT n EQUAL 1)
  message(FATAL_ERROR "JSON: scenario ${scenario}, status ${status}, n ${n}")
endif()
# bad input: exit 2, nothing written
function(expect_exit code)
  execute_process(COMMAND ${YUANFLOW} ${ARGN} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL ${code})
    message(FATAL_ERROR "yuanflow ${ARGN}: exit ${rc}, expected ${code}")
  endif()
endfunction()
expect_exit(2 validate --seeds x ${small} --csv ${WORK}/bad.csv)
expect_exit(2 validate ${SRC}/tests/scenarios/unknown_param.yaml ${small} --csv ${WORK}/bad.csv)
expect_exit(2 validate ${small} --csv no-such-dir/x.csv)
expect_exit(2 validate ${small} --set c1_botom=1 --json ${WORK}/bad.json)
expect_exit(2 validate a.yaml b.yaml)
expect_exit(0 validate --help)
if(EXISTS ${WORK}/bad.csv OR EXISTS ${WORK}/bad.json)
  message(FATAL_ERROR "a refused validation wrote a file")
endif()
