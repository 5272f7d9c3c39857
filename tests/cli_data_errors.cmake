# Errors of the shipped data (docs/errors.md, docs/data.md): copies of data/
# with one thing wrong each, given to `yuanflow run --data`; each must be
# refused before any month runs (exit code 2) with the message given, which
# names the file. YUANFLOW, DATA and WORK are set by CMakeLists.txt.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
# A copy of data/ whose file `name` has the lines matching `drop` removed and
# `from` replaced by `to` (regular expressions, line by line).
function(broken dir name drop from to)
  file(COPY ${DATA}/ DESTINATION ${WORK}/${dir})
  file(STRINGS ${DATA}/${name} lines)
  set(out "")
  foreach(line IN LISTS lines)
    if(drop AND line MATCHES "${drop}")
      continue()
    endif()
    if(from)
      string(REGEX REPLACE "${from}" "${to}" line "${line}")
    endif()
    string(APPEND out "${line}\n")
  endforeach()
  file(WRITE ${WORK}/${dir}/${name} "${out}")
endfunction()
function(expect dir message)
  execute_process(COMMAND ${YUANFLOW} run ${DATA}/../scenarios/history.yaml --to 2001
                          --households 100 --firms 50 --no-store
                          --data ${WORK}/${dir}
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  string(FIND "${err}" "${message}" at)
  if(NOT rc EQUAL 2 OR at EQUAL -1)
    message(SEND_ERROR "${dir}: exit ${rc} (expected 2)\n  got: ${err}  expected: ${message}")
  endif()
endfunction()

# US GDP missing in 2005: the geometric interpolation needs every year.
broken(gap world_gdp.csv "^us_gdp_usd,2005," "" "")
expect(gap "world_gdp.csv: error: no gdp of destination 'us' in 2005")
# EU GDP of 2010 negative.
broken(negative world_gdp.csv "" "^eu_gdp_usd,2010,[0-9.]+," "eu_gdp_usd,2010,-1,")
expect(negative "world_gdp.csv: error: gdp of destination 'eu' in 2010 is -1, not positive")
# US GDP only from 2005: a run from 2000 starts before it.
broken(late world_gdp.csv "^us_gdp_usd,(199[0-9]|200[0-4])," "" "")
expect(late "world_gdp.csv: error: no gdp of destination 'us' in 2000 (its data begin in 2005)")
# The world's GDP to 2019 and China's from 2021: the rest of the world (world
# less the US, the EU and China) has no year with all four.
broken(disjoint world_gdp.csv "^(world_gdp_usd,202[0-9]|china_gdp_usd,(199[0-9]|20[01][0-9]|2020))," "" "")
expect(disjoint "world_gdp.csv: error: the gdp series of destination 'rest' share no year")
# The Fed funds rate only from 2003.
broken(fed monthly_inputs.csv "^us_fedfunds_monthly,(199[0-9]|200[0-2])-" "" "")
expect(fed "monthly_inputs.csv: error: series 'us_fedfunds_monthly' has no value for 2000-01 (its data begin in 2003-01)")
