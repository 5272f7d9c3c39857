# Numerical faults stop a run (docs/errors.md, "Run failures"): exit code 1,
# the month, the variable, its value and the recent values of the series that
# moved most, and no output written. The parameter sets are chosen to
# explode, each for a reason of its own (docs/errors.md explains them):
#   tests/scenarios/hyperinflation.yaml, an explosive wage-price spiral
#     financed by the central bank: a wage
#     Phillips curve at its maximum slope, prices following costs at once,
#     expectations fully adaptive and unanchored, no reaction of the policy
#     rate to inflation, a 30% deficit rule paid for by the PBOC; amounts pass
#     the int64 yuan range within a few years;
#   investment whose semi-elasticity to the real interest rate is near its
#     maximum (17 of 20): one swing of the rate multiplies investment by e^17;
#   households consuming 5% of their net wealth a month: the PBOC sells its
#     reserves until it has none.
# The last two run scenarios/history.yaml (the defaults), not the baseline,
# whose parameters are the calibration's (scenarios/calibrated.yaml): a
# refit must not move these paths.
# A NaN or an infinity in the state, and a negative real stock, are provoked
# one variable at a time in tests/test_guards.c.
# YUANFLOW, DATA, SRC and WORK are set by CMakeLists.txt.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(small --households 1000 --firms 200 --data ${DATA} --no-store)

function(expect_failure name regex)
  execute_process(COMMAND ${YUANFLOW} run ${small} --csv ${WORK}/${name}.csv ${ARGN}
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 1)
    message(FATAL_ERROR "${name}: exit ${rc}, expected 1 (a failed run)\n${err}")
  endif()
  if(NOT err MATCHES "${regex}")
    message(FATAL_ERROR "${name}: the message does not match '${regex}':\n${err}")
  endif()
  if(EXISTS ${WORK}/${name}.csv)
    message(FATAL_ERROR "${name}: a failed run wrote ${WORK}/${name}.csv")
  endif()
  message(STATUS "${name}: ${err}")
endfunction()

set(month "[0-9][0-9][0-9][0-9]-[0-9][0-9]")
set(recent "\\(recent values: [a-z_]+ ${month}\\.\\.${month}:( [-0-9.e+]+)+")
# Which guard stops the explosion first is chaotic: any change to the model
# moves the month's jump of the wage (x 10^6 to 10^7 in 2002-11). With the
# demography of issue 5 the wage bill stays just below 2^63 and a bank's
# overdrawn reserves stop the run in the same month; on main before it, the
# same scenario with deficit_ratio 0.25 stopped that way too. Either way the
# run stops with the month, the amount and the recent values.
expect_failure(overflow
  "hyperinflation: ${month}: [a-z ]+ is [-0-9.e+]+ yuan, (beyond the int64 yuan range|not a finite non-negative amount) ${recent}"
  ${SRC}/tests/scenarios/hyperinflation.yaml)
# Households consuming 5% of their net wealth a month (the top of the range):
# imports outrun exports and the PBOC sells its reserves defending the rate
# (by 2013 with the housing model of issue 4; 2015-09 since issue 5, whose FDI
# brings more net inflow in the 2000s (2016-01 with technology): the run goes
# to 2017 for the margin).
expect_failure(reserves
  "history: ${month}: the PBOC has run out of FX reserves \\([0-9]+ dollars short\\) defending [0-9.]+ yuan per dollar ${recent}"
  ${SRC}/scenarios/history.yaml --set c2_wealth=0.05 --to 2017)
# Investment at its largest semi-elasticity to the real rate: with the housing
# model of issue 4 an industry's expected demand growth becomes infinite within
# a month (2018), before any amount passes the int64 range.
# rd_absorption 0 (issue 5): with technology's absorption term this explosion
# first makes a NaN inside a month (investment, 2018-07: a clean stop of
# another kind) instead of an infinite state caught at the close; without the
# term expected demand growth becomes infinite (2008-12), the case tested here.
# With the trade changes (issue 5 item 3) the path moves again: at 20 the run
# now makes a NaN investment amount first (2008-10); at 19 expected demand
# growth becomes infinite (2008-04), the case tested here.
# emerging_substitution 1 and emerging_learning 0 (issue 5, industry dynamics):
# with the emerging goods' demand shift and learning the explosion first passes
# the int64 range (the clean stop of the overflow case above); without them it
# is the infinite industry state again.
# Investment's cash-flow channel and business loans that follow investment
# (2026-11) move the path again (the 1,000-household run is chaotic near the
# explosion): at 19 it now overflows a revaluation first; at 17 and 18
# expected demand growth becomes infinite (2007-07, 2007-11), the case tested.
expect_failure(investment
  "history: ${month}: industry '[a-z ]+': [a-z_]+ is inf, not a finite number \\(it passed this check at the close of ${month}\\)"
  --set invest_rate_semielasticity=17 --set rd_absorption=0 --set emerging_substitution=1
  --set emerging_learning=0 --to 2010 ${SRC}/scenarios/history.yaml)
