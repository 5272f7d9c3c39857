# Errors of scenario files and path CSV files (docs/errors.md, docs/scenarios.md
# section 6): each file below is refused by `yuanflow explain` (or, for a path
# over the data, by `yuanflow run` before its first month) with exit code 2 and
# the message given. tests/test_scenario.c checks the positions and that a
# failed load changes nothing; this file checks each message's words.
# YUANFLOW, DATA, SRC and WORK are set by CMakeLists.txt.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(expect name text message)
  file(WRITE ${WORK}/${name}.yaml "${text}")
  set(cmd explain ${name}.yaml)
  if(ARGN)
    set(cmd ${ARGN} ${name}.yaml)
  endif()
  execute_process(COMMAND ${YUANFLOW} ${cmd} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err
                  WORKING_DIRECTORY ${WORK})
  string(FIND "${err}" "${name}." at_file)
  string(FIND "${err}" "error: ${message}" at)
  if(NOT rc EQUAL 2 OR at EQUAL -1 OR at_file EQUAL -1)
    message(SEND_ERROR "${name}: exit ${rc} (expected 2)\n  got: ${err}  expected: ${message}")
  endif()
endfunction()
set(far qqqqqqqqqqqqqqqqqqqq)

# values and keys
expect(quoted "name: q\nparameters: {c1_top: \"0.5\"}\n"
       "parameter 'c1_top' must be a number, got the text \"0.5\" (write numbers without quotes)")
expect(notnum "name: q\nparameters: {c1_top: abc}\n" "parameter 'c1_top' must be a number, got 'abc'")
expect(whole "name: q\nseed: 1.5\n" "'seed' must be a whole number in [0, 9007199254740991], got 1.5")
expect(beyond "name: q\nhorizon: {from: 2000-01, to: 2101-01}\n"
       "'to' 2101-01 is beyond 2100-12, the last month a run can reach")
expect(bool "name: q\npaths:\n  tariff_us: {2025-01: 0.1, replace_data: maybe}\n"
       "'replace_data' must be true or false, got 'maybe'")
expect(keylist "name: q\nparameters: {[a, b]: 1}\n" "a parameter name must be a single name, got a list")
expect(unkparam "name: q\nparameters: {${far}: 1}\n"
       "unknown parameter '${far}' (see 'yuanflow list parameters')")
expect(monthparam "name: q\nparameters: {wto_entry_month: 1990-01}\n"
       "parameter 'wto_entry_month' must be a month from 2000-01 to 2199-12, got 1990-01")
# a month written with one digit: the date's form, at the value's line and column
expect(monthshort "name: q\nparameters:\n  wto_entry_month: 2001-1\n"
       "parameter 'wto_entry_month' must be a date YYYY-MM (two digits for the month) or a number of months from 2000-01, got '2001-1'")
execute_process(COMMAND ${YUANFLOW} explain monthshort.yaml RESULT_VARIABLE rc OUTPUT_QUIET
                ERROR_VARIABLE err WORKING_DIRECTORY ${WORK})
if(NOT err MATCHES "^monthshort.yaml:3:20: error: ")
  message(SEND_ERROR "monthshort: expected the file, line 3 and column 20, got: ${err}")
endif()
expect(keyof "name: q\npaths: {[a]: 1}\n" "a key of 'paths' must be a single name, got a list")
expect(step "name: q\nstep: quarter\n"
       "'step' must be 'month', got 'quarter' (the model runs month by month; no other step is supported)")
expect(extempty "extends: \"\"\n" "'extends' must name a scenario file")
# the horizon and the file
expect(from "name: q\nhorizon: {from: 2005-01, to: 2030-12}\n"
       "'from' must be 2000-01: the model opens on the balance sheet of January 2000 (got 2005-01)")
expect(tobefore "name: q\nhorizon: {from: 2000-01, to: 1999-12}\n"
       "'to' (1999-12) is before the first month of the model, 2000-01")
expect(badname "name: \"\"\n" "'name' must be 1 to 100 printable characters")
expect(twodocs "name: q\n---\nname: r\n" "a scenario file holds one YAML document, this is a second")
expect(empty "" "the file is empty (a scenario needs at least 'name:' or 'extends:')")
expect(notmap "just text\n" "a scenario is a mapping of keys (name:, events:, ...), got a value")
# events
expect(setunk "name: q\nevents:\n  - {date: 2001-01, event: set, c1_botom: 0.5}\n"
       "unknown parameter 'c1_botom' in event 'set' (did you mean 'c1_bottom'?)")
expect(setfar "name: q\nevents:\n  - {date: 2001-01, event: set, ${far}: 0.5}\n"
       "unknown parameter '${far}' in event 'set' (see 'yuanflow list parameters')")
expect(setnone "name: q\nevents:\n  - {date: 2001-01, event: set}\n"
       "event 'set' sets no parameter (add 'name: value' lines)")
expect(argfar "name: q\nevents:\n  - {date: 2001-05, event: vat_split, ${far}: 0.5}\n"
       "unknown argument '${far}' of event 'vat_split' (its arguments: 'central_share')")
expect(noevent "name: q\nevents:\n  - {date: 2001-05}\n"
       "an event needs 'event:', its kind (see 'yuanflow list events')")
expect(unkeventfar "name: q\nevents:\n  - {date: 2001-05, event: ${far}}\n"
       "unknown event '${far}' (see 'yuanflow list events')")
expect(nodate "name: q\nevents:\n  - {event: vat_split, central_share: 0.5}\n"
       "event 'vat_split' needs 'date:' (YYYY-MM, the first month it applies)")
expect(emptyid "name: q\nevents:\n  - {id: \"\", date: 2001-05, event: vat_split, central_share: 0.5}\n"
       "'id' must not be empty")
expect(removefar "extends: ${SRC}/scenarios/history.yaml\nremove_events: [${far}]\n"
       "no inherited event has the id '${far}' (see 'yuanflow explain' for the ids)")
expect(setkey "name: q\nevents:\n  - {date: 2001-01, event: set, untl: 2002-01, c1_top: 0.5}\n"
       "unknown key 'untl' in event 'set' (did you mean 'until'?)")
expect(twoid "name: q\nevents:\n  - {id: a, date: 2001-05, event: vat_split, central_share: 0.5}\n  - {id: a, date: 2002-05, event: vat_split, central_share: 0.5}\n"
       "two events have the id 'a' in this file (the other at line 3); give one an 'id:' of its own")
set(seventeen "c1_top: 0.5, c1_bottom: 0.9, c2_wealth: 0.001, precaution: 1, u_reference: 0.1")
string(APPEND seventeen ", rural_surplus: 0.1, migration_rate: 1, inflation_anchor: 0.5")
string(APPEND seventeen ", growth_expectation_speed: 0.5, expectation_speed: 0.5, skill_dispersion: 1")
string(APPEND seventeen ", deposit_concentration: 1, equity_concentration: 2, pit_rate: 0.1")
string(APPEND seventeen ", pit_allowance: 1, benefit_ratio: 0.5, payout: 0.5")
expect(many "name: q\nevents:\n  - {date: 2001-01, event: set, ${seventeen}}\n"
       "an event sets at most 16 parameters")
# paths, inline
# A month given twice in a path: a month is now written one way only (two
# digits, issue 10), so the second is the same key, refused as such. (This
# test once gave 2025-01 and 2025-1, "gives the month 2025-1 twice": that
# spelling is no longer a month.)
expect(twice "name: q\npaths:\n  tariff_us: {2025-01: 0.1, 2025-01: 0.2}\n"
       "'2025-01' appears twice in path 'tariff_us' (first at line 3)")
expect(pathdate "name: q\npaths:\n  tariff_us: {2025-13: 0.1}\n"
       "path 'tariff_us': '2025-13' is not a date YYYY-MM (a path is 'YYYY-MM: value' points, or 'csv:' and 'column:')")
expect(pathboth "name: q\npaths:\n  tariff_us: {csv: x.csv, column: a, 2025-01: 0.1}\n"
       "path 'tariff_us' has both 'csv:' and dated points: use one or the other")
expect(pathcsvonly "name: q\npaths:\n  tariff_us: {csv: x.csv}\n"
       "path 'tariff_us' needs both 'csv:' (a file) and 'column:'")
expect(pathnone "name: q\npaths:\n  tariff_us: {}\n"
       "path 'tariff_us' has no points (give 'YYYY-MM: value' lines, or 'csv:' and 'column:')")
# paths from a CSV file
# a chain of extends deeper than the loader follows (16 files: src/scenario/load.c)
foreach(k RANGE 1 17)
  math(EXPR next "${k} + 1")
  file(WRITE ${WORK}/deep.${k}.yaml "name: d${k}\nextends: deep.${next}.yaml\n")
endforeach()
file(WRITE ${WORK}/deep.18.yaml "name: d18\n")
expect(deep "name: q\nextends: deep.1.yaml\n" "'extends' goes more than 16 files deep")

function(expect_csv name csv message)
  file(WRITE ${WORK}/${name}.csv "${csv}")
  expect(${name} "name: q\npaths:\n  tariff_us: {csv: ${name}.csv, column: us}\n" "${message}")
endfunction()
expect_csv(csvquoted "date,us\n2025-01,\"0.1\"\n" "quoted fields are not supported in a path file")
expect_csv(csvnodate "month,us\n2025-01,0.1\n"
           "the header has no 'date' column (a path file is 'date,<column>...' with dates YYYY-MM)")
expect_csv(csvfields "date,us\n2025-01,0.1,0.2\n" "3 fields, the header has 2 (a partly written file?)")
expect_csv(csvbaddate "date,us\nJan 2025,0.1\n" "'Jan 2025' is not a date YYYY-MM")
# a month of one digit (issue 10: "2025-1" was once read as 2025-01)
expect_csv(csvonedigit "date,us\n2025-1,0.1\n" "'2025-1' is not a date YYYY-MM")
expect_csv(csvtwice "date,us\n2025-01,0.1\n2025-01,0.2\n" "the month 2025-01 appears twice (first at line 2)")
expect_csv(csvempty "" "the file is empty (a path file is 'date,<column>...')")
expect_csv(csvnovalues "date,us\n2025-01,\n" "column 'us' of csvnovalues.csv has no values")
# a path over months with data, refused when the run is built (before its
# first month); the data's last month is read from the data file itself
file(STRINGS ${DATA}/monthly_inputs.csv fed REGEX "^us_fedfunds_monthly,")
list(GET fed -1 fed_last)
string(REGEX MATCH "[0-9][0-9][0-9][0-9]-[0-9][0-9]" fed_last "${fed_last}")
expect(overdata "name: q\nhorizon: {from: 2000-01, to: 2002-12}\npaths:\n  fed_funds: {2001-01: 0.01}\n"
       "path 'fed_funds' starts in 2001-01, a month with data (the data run to ${fed_last}): start after it, or add 'replace_data: true'"
       run --households 100 --firms 50 --no-store --data ${DATA})

# A month must have two digits: "2025-1" was once taken for 2025-01 (issue 10),
# though it is as likely a truncated 2025-10, -11 or -12. Each place a scenario
# gives a month refuses it, naming the file, the line and the column of the
# value and what was expected.
function(expect_at name text position message)
  file(WRITE ${WORK}/${name}.yaml "${text}")
  execute_process(COMMAND ${YUANFLOW} explain ${name}.yaml RESULT_VARIABLE rc OUTPUT_QUIET
                  ERROR_VARIABLE err WORKING_DIRECTORY ${WORK})
  string(FIND "${err}" "${name}.yaml:${position}: error: ${message}" at)
  if(NOT rc EQUAL 2 OR at EQUAL -1)
    message(SEND_ERROR "${name}: exit ${rc} (expected 2)\n  got: ${err}  expected: ${name}.yaml:${position}: error: ${message}")
  endif()
endfunction()
expect_at(month1event "name: q\nevents:\n  - {date: 2025-1, event: vat_split, central_share: 0.5}\n"
          "3:12" "'date' must be a date YYYY-MM, got '2025-1'")
expect_at(month1until "name: q\nevents:\n  - {date: 2025-01, until: 2026-3, event: vat_split, central_share: 0.5}\n"
          "3:28" "'until' must be a date YYYY-MM, got '2026-3'")
expect_at(month1to "name: q\nhorizon: {to: 2030-3}\n"
          "2:15" "'to' must be a date YYYY-MM or a year YYYY, got '2030-3'")
expect_at(month1path "name: q\npaths:\n  tariff_us: {2030-1: 0.1}\n"
          "3:15" "path 'tariff_us': '2030-1' is not a date YYYY-MM")
expect_at(month3 "name: q\nevents:\n  - {date: 2025-011, event: vat_split, central_share: 0.5}\n"
          "3:12" "'date' must be a date YYYY-MM, got '2025-011'")
# the same dates with two digits load
foreach(ok "name: q\nevents:\n  - {date: 2025-01, until: 2026-03, event: vat_split, central_share: 0.5}\n"
           "name: q\nhorizon: {to: 2030-03}\npaths:\n  tariff_us: {2030-01: 0.1}\n")
  file(WRITE ${WORK}/month2.yaml "${ok}")
  execute_process(COMMAND ${YUANFLOW} explain month2.yaml RESULT_VARIABLE rc OUTPUT_QUIET
                  ERROR_VARIABLE err WORKING_DIRECTORY ${WORK})
  if(NOT rc EQUAL 0)
    message(SEND_ERROR "month2: exit ${rc} (expected 0): ${err}")
  endif()
endforeach()
