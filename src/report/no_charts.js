/* Placeholder embedded when the build finds no report/node_modules/echarts:
 * `yuanflow report` then refuses to run and says how to install the library. */
