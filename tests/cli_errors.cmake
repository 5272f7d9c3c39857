# Errors of the command line (docs/errors.md): each invocation must exit with
# the code given and print the message given (a literal part of its standard
# error). tests/errors_doc.py checks that each message docs/errors.md lists as
# tested here appears in this file. YUANFLOW, DATA, SRC, SQLITE3 and WORK are
# set by CMakeLists.txt.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(failures 0)
function(expect code message)
  execute_process(COMMAND ${YUANFLOW} ${ARGN} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err
                  WORKING_DIRECTORY ${WORK})
  string(FIND "${err}" "${message}" at)
  if(NOT rc EQUAL ${code} OR at EQUAL -1)
    message(SEND_ERROR "yuanflow ${ARGN}: exit ${rc} (expected ${code})\n  got: ${err}  expected: ${message}")
  endif()
endfunction()

set(S ${SRC}/scenarios)
set(small --households 100 --firms 50 --data ${DATA})
set(far qqqqqqqqqqqqqqqqqqqq)

# every command
expect(2 "unknown command 'qqqqqqqqqqqqqqqqqqqq' (see 'yuanflow help')" ${far})

# run (the options shared with compare and matrices are in cli.c)
expect(2 "unknown option '--qqqqqqqqqqqqqqqqqqqq' (see 'yuanflow help')" run --${far})
expect(2 "option '--to' needs a value" run --to)
expect(2 "option '--csv' needs a value" run --csv)
expect(2 "--to must be a year in [2000, 2100], got '1999'" run --to 1999)
# a year is plain digits: no sign, no leading zero or space (strtol alone took them)
expect(2 "--to must be a year in [2000, 2100], got '02001'" run --to 02001)
expect(2 "--to must be a year in [2000, 2100], got '+2001'" run --to +2001)
expect(2 "--to must be a year in [2000, 2100], got ' 2001'" run --to " 2001")
expect(2 "--from must be a year in [2000, 2100], got '+2001'" validate --from +2001)
expect(2 "--households must be an integer >= 10, got '5'" run --households 5)
expect(2 "--firms must be an integer >= 5, got '1'" run --firms 1)
expect(2 "--set expects NAME=VALUE with a number, got 'x'" run --set x)
set(sets)
foreach(k RANGE 32)
  list(APPEND sets --set c1_top=0.5)
endforeach()
expect(2 "too many --set options (at most 32)" run ${sets})
expect(2 "cannot read 'no-such-dir/china_annual.csv': No such file or directory (--data names the directory of the shipped data)"
       run --data no-such-dir)
expect(2 "--scenario-name must be 1 to 100 printable characters, got 'a	b'" run --scenario-name "a	b")
expect(2 "--csv and --json write one run: give one scenario, or run them one at a time"
       run ${S}/history.yaml ${S}/baseline.yaml --csv x.csv)
expect(2 "--scenario-name names one run: with several scenarios each keeps the name in its file"
       run ${S}/history.yaml ${S}/baseline.yaml --scenario-name x)
set(many)
foreach(k RANGE 16)
  list(APPEND many ${S}/history.yaml)
endforeach()
expect(2 "too many scenarios (at most 16)" run ${many})
expect(2 "too many scenarios (at most 16)" compare ${many})

# output paths, checked before the run
file(MAKE_DIRECTORY ${WORK}/adir)
file(WRITE ${WORK}/afile "")
expect(2 "cannot write 'adir/': it names a directory" run --csv adir/ ${small})
expect(2 "cannot write 'adir': it is a directory" run --json adir ${small})
expect(2 "cannot write 'no-dir/x.csv': directory 'no-dir': No such file or directory"
       run --csv no-dir/x.csv ${small})
expect(2 "cannot write 'afile/x.csv': 'afile' is not a directory" run --csv afile/x.csv ${small})
string(REPEAT "d" 4200 long)
expect(2 "...': the path is too long (4206 bytes)" run --csv ${long}/x.csv ${small})
# run stores that are not yuanflow's, found when the run is written (exit 1)
if(SQLITE3)
  execute_process(COMMAND ${SQLITE3} ${WORK}/foreign.sqlite "CREATE TABLE t(a)")
  expect(1 "cannot write run store 'foreign.sqlite': it is a SQLite database of another program, not a yuanflow run store"
         run --to 2000 ${small} --store foreign.sqlite)
  execute_process(COMMAND ${SQLITE3} ${WORK}/future.sqlite
                  "PRAGMA application_id = 1497779287; PRAGMA user_version = 9; CREATE TABLE runs(id)")
  expect(1 "cannot write run store 'future.sqlite': its schema version is 9, this yuanflow writes version 3"
         run --to 2000 ${small} --store future.sqlite)
endif()

# compare
expect(2 "option '--years' needs a value" compare ${S}/history.yaml ${S}/baseline.yaml --years)
expect(2 "compare needs at least two scenario files" compare ${S}/history.yaml)
expect(2 "--series needs at least one series name"
       compare ${S}/history.yaml ${S}/baseline.yaml --series ,)
expect(2 "--years needs at least one year" compare ${S}/history.yaml ${S}/baseline.yaml --years ,)
expect(2 "--years: 'abc' is not a year in [2000, 2100]"
       compare ${S}/history.yaml ${S}/baseline.yaml --years abc)
expect(2 "unknown series 'gdp_rael' (did you mean 'gdp_real'?)"
       compare ${S}/history.yaml ${S}/baseline.yaml --series gdp_rael --years 2001 ${small})
expect(2 "unknown series 'qqqqqqqqqqqqqqqqqqqq' (see 'yuanflow list series')"
       compare ${S}/history.yaml ${S}/baseline.yaml --series ${far} --years 2001 ${small})
expect(2 "--years: 2030 is not a whole year of scenario 'history' (2000 to 2024)"
       compare ${S}/history.yaml ${S}/baseline.yaml --years 2030 ${small})

# demo
expect(2 "unknown option '--qqqqqqqqqqqqqqqqqqqq' (see 'yuanflow help')" demo sim --${far})
expect(2 "option '--periods' needs a value" demo sim --periods)
expect(2 "--shock expects PERIOD:NAME=VALUE, got 'x'" demo sim --shock x)
expect(2 "--shock period must be an integer >= 1, got '0'" demo sim --shock 0:G=25)
expect(2 "--set expects NAME=VALUE with a number, got 'x'" demo pc --set x)
set(shocks)
foreach(k RANGE 32)
  list(APPEND shocks --shock 2:G=25)
endforeach()
expect(2 "too many --shock options (at most 32)" demo sim ${shocks})
expect(2 "demo needs a model name: 'sim' or 'pc'" demo)
expect(2 "--periods must be an integer in [1, 10000], got '0'" demo sim --periods 0)
expect(2 "--periods must be an integer in [1, 10000], got '33006'" demo sim --periods 33006)
expect(2 "--step must be an integer >= 1, got '0'" demo sim --step 0)
expect(2 "--format must be 'markdown' or 'csv', got 'xml'" demo sim --format xml)

# explain, list, params
expect(2 "explain takes one scenario, got '${S}/history.yaml' and '${S}/baseline.yaml'"
       explain ${S}/history.yaml ${S}/baseline.yaml)
expect(2 "explain needs a scenario file (e.g. scenarios/baseline.yaml)" explain)
expect(2 "params takes no arguments, got 'x'" params x)
expect(2 "option '--data' needs a value" list series --data)
expect(2 "list takes one of scenarios, series, parameters, events" list events series)
expect(2 "list what? scenarios, series, parameters or events" list)
expect(2 "cannot list 'evnts' (did you mean 'events'?)" list evnts)
expect(2 "cannot list 'qqqqqqqqqqqqqqqqqqqq': scenarios, series, parameters or events" list ${far})
file(MAKE_DIRECTORY ${WORK}/lonely/data)
expect(2 "cannot list '${WORK}/lonely/scenarios': no such directory (it is beside --data)"
       list scenarios --data ${WORK}/lonely/data)

# matrices
expect(2 "matrices takes one scenario file, got '${S}/history.yaml' and '${S}/baseline.yaml'"
       matrices ${S}/history.yaml ${S}/baseline.yaml --date 2000-01)
expect(2 "option '--date' needs a value" matrices ${S}/history.yaml --date)
expect(2 "--format must be 'markdown' or 'csv', got 'xml'"
       matrices ${S}/history.yaml --date 2000-01 --format xml)
expect(2 "matrices needs a scenario file and --date YYYY-MM" matrices)
expect(2 "matrices needs --date YYYY-MM" matrices ${S}/history.yaml)
expect(2 "--date must be YYYY-MM, got '2000'" matrices ${S}/history.yaml --date 2000)
expect(2 "--date must be YYYY-MM, got '2000-1'" matrices ${S}/history.yaml --date 2000-1)
expect(2 "--date 2030-01 is outside the horizon of 'history', 2000-01 to 2024-12"
       matrices ${S}/history.yaml --date 2030-01 ${small})

# validate (its options before any run)
expect(2 "validate takes one scenario file, got 'a.yaml' and 'b.yaml'" validate a.yaml b.yaml)
expect(2 "option '--seeds' needs a value" validate --seeds)
expect(2 "--seeds must be an integer in [1, 256], got '0'" validate --seeds 0)
expect(2 "--from must be a year in [2000, 2100], got '1990'" validate --from 1990)
expect(2 "--from 2010 is after --to 2005" validate --from 2010 --to 2005)
expect(2 "--split 2000 must be in [2010, 2011] (from --from and --to)"
       validate --from 2010 --to 2012 --split 2000)
expect(2 "--from 2000 --to 2030 is not within scenario 'history' (2000 to 2024)"
       validate --to 2030 --data ${DATA})

# calibrate (its options and settings before any evaluation)
expect(2 "calibrate takes one scenario file, got 'a.yaml' and 'b.yaml'" calibrate a.yaml b.yaml)
expect(2 "option '--starts' needs a value" calibrate --starts)
expect(2 "--starts must be an integer in [1, 1000], got '0'" calibrate --starts 0)
expect(2 "--from 2010 is after --to 2005" calibrate --from 2010 --to 2005)
expect(2 "--from 2000 --to 2030 is not within scenario 'history' (2000 to 2024)"
       calibrate --to 2030 --data ${DATA})
expect(2 "unknown parameter 'c1_botom' (did you mean 'c1_bottom'?)"
       calibrate --set c1_botom=0.5 --data ${DATA})
expect(2 "unknown parameter 'qqqqqqqqqqqqqqqqqqqq'" calibrate --set ${far}=1 --data ${DATA})
expect(2 "parameter 'c1_top' must be in [0, 1] (share of expected disposable income), got 7"
       calibrate --set c1_top=7 --data ${DATA})

# report: options, then stores that are missing, foreign, empty or without the run asked for
expect(2 "unknown option '--qqqqqqqqqqqqqqqqqqqq' (see 'yuanflow report --help')" report --${far})
expect(2 "option '--out' needs a value" report --out)
expect(2 "--year must be a year such as 2024, got 'x'" report --year x)
expect(2 "--runs and --scenarios contradict each other: give one" report --runs 1 --scenarios a)
expect(2 "no run store 'no-such.sqlite': No such file or directory (yuanflow run writes one)"
       report --store no-such.sqlite)
file(WRITE ${WORK}/text.sqlite "this is not a database\n")
expect(2 "cannot read run store 'text.sqlite': it is not a SQLite database (" report --store text.sqlite)
if(SQLITE3)
  execute_process(COMMAND ${SQLITE3} ${WORK}/other.sqlite "CREATE TABLE t(a)")
  expect(2 "'other.sqlite' is not a yuanflow run store (no runs were ever written to it)"
         report --store other.sqlite)
endif()
execute_process(COMMAND ${YUANFLOW} run --to 2000 ${small} --store ${WORK}/one.sqlite
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL 0)
  message(SEND_ERROR "could not write a run store for the report's tests")
endif()
expect(2 "--runs expects run ids such as 1,4,5, got 'x'" report --store one.sqlite --runs x)
expect(2 "no run 5 in 'one.sqlite' (its runs are 1 to 1)" report --store one.sqlite --runs 5)
expect(2 "--scenarios expects names such as baseline,'rate cut', got ','"
       report --store one.sqlite --scenarios ,)
expect(2 "no scenario 'baselin' in 'one.sqlite' (did you mean 'baseline'?)"
       report --store one.sqlite --scenarios baselin)
expect(2 "no scenario 'qqqqqqqqqqqqqqqqqqqq' in 'one.sqlite'" report --store one.sqlite --scenarios ${far})
expect(2 "--images 'one.sqlite' is not a directory" report --store one.sqlite --images one.sqlite)
expect(2 "--year 1990 is not in run 1 (its matrices are 2000 to 2000)" report --store one.sqlite --year 1990)
# one run asked for 257 times: more than the report takes (256, src/report/report.c)
string(REPEAT "1," 256 ones)
expect(2 "too many runs (at most 256)" report --store one.sqlite --runs ${ones}1)
if(SQLITE3)
  # a yuanflow store whose runs were all deleted, and one of a later schema
  file(COPY_FILE ${WORK}/one.sqlite ${WORK}/empty.sqlite)
  execute_process(COMMAND ${SQLITE3} ${WORK}/empty.sqlite "DELETE FROM runs")
  expect(2 "run store 'empty.sqlite' has no runs yet (yuanflow run adds one)" report --store empty.sqlite)
  file(COPY_FILE ${WORK}/one.sqlite ${WORK}/future.sqlite)
  execute_process(COMMAND ${SQLITE3} ${WORK}/future.sqlite "PRAGMA user_version = 99")
  expect(2 "cannot read run store 'future.sqlite': its schema version is 99, this yuanflow reads versions 1 to 3"
         report --store future.sqlite)
endif()

# report: runs that cannot be charted, damaged stores, the images' tools
# (docs/errors.md 3; issue 10)
file(MAKE_DIRECTORY ${WORK}/a-directory)
expect(2 "cannot open run store 'a-directory': " report --store a-directory)
file(WRITE ${WORK}/half.yaml "name: half\nhorizon: {to: 2000-06}\n")
execute_process(COMMAND ${YUANFLOW} run ${WORK}/half.yaml ${small} --store ${WORK}/half.sqlite
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
expect(2 "the runs chosen cover no whole calendar year: nothing to chart" report --store half.sqlite)
expect(2 "cannot create the images directory 'half.yaml/images': Not a directory"
       report --store one.sqlite --out one.html --images half.yaml/images)
# the images' script missing, node missing, node failing: the report itself is
# written, the images are not (exit 1)
function(expect_env code message)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env ${ARGN} RESULT_VARIABLE rc OUTPUT_QUIET
                  ERROR_VARIABLE err WORKING_DIRECTORY ${WORK})
  string(FIND "${err}" "${message}" at)
  if(NOT rc EQUAL ${code} OR at EQUAL -1)
    message(SEND_ERROR "${ARGN}: exit ${rc} (expected ${code})\n  got: ${err}  expected: ${message}")
  endif()
endfunction()
expect_env(1 "cannot write images: '${WORK}/no-such-dir/images.js' not found (set YUANFLOW_REPORT_DIR to the report/ directory of the yuanflow sources)"
           YUANFLOW_REPORT_DIR=${WORK}/no-such-dir ${YUANFLOW} report --store one.sqlite --out one.html --images img1)
expect_env(1 "cannot write images: cannot start node: No such file or directory (bash scripts/install-deps.sh installs Node.js)"
           PATH=${WORK}/no-such-dir ${YUANFLOW} report --store one.sqlite --out one.html --images img2)
find_program(NODE node)
if(NODE)
  file(WRITE ${WORK}/failing/images.js "console.error('images.js: refused by a test'); process.exit(3);\n")
  expect_env(1 "cannot write images: node ${WORK}/failing/images.js failed (its message is above)"
             YUANFLOW_REPORT_DIR=${WORK}/failing ${YUANFLOW} report --store one.sqlite --out one.html --images img3)
endif()
if(SQLITE3)
  # damaged stores (tables dropped or rows changed by hand): exit 1
  function(damaged name sql)
    file(COPY_FILE ${WORK}/one.sqlite ${WORK}/${name}.sqlite)
    execute_process(COMMAND ${SQLITE3} ${WORK}/${name}.sqlite "${sql}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(SEND_ERROR "sqlite3 ${name}: ${sql}: exit ${rc}")
    endif()
  endfunction()
  damaged(norunstable "DROP VIEW tidy; ALTER TABLE runs RENAME TO r0")
  expect(1 "cannot read run store 'norunstable.sqlite': cannot list the runs: no such table: runs"
         report --store norunstable.sqlite)
  damaged(noparams "DROP TABLE parameters")
  expect(1 "cannot read run store 'noparams.sqlite': cannot read a run: no such table: parameters"
         report --store noparams.sqlite)
  damaged(nomatrixtable "DROP VIEW tidy; DROP TABLE matrices")
  expect(1 "cannot read run store 'nomatrixtable.sqlite': cannot read the matrices: no such table: matrices"
         report --store nomatrixtable.sqlite)
  damaged(badcolumn "UPDATE matrices SET column_index = 99 WHERE column_index = 1")
  expect(1 "cannot read run store 'badcolumn.sqlite': the matrices of run 1 in 2000 are damaged or out of memory"
         report --store badcolumn.sqlite)
  damaged(nomatrices "DELETE FROM matrices")
  expect(2 "--year 2000: run 1 has no matrices in 'nomatrices.sqlite' (it was stored before yuanflow kept them; run it again)"
         report --store nomatrices.sqlite --year 2000)
endif()
