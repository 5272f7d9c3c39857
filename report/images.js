#!/usr/bin/env node
/*
 * images.js: every chart of a yuanflow report as an SVG file, for papers.
 *
 *   node report/images.js REPORT.html DIR [--width 900] [--height 480]
 *
 * `yuanflow report --images DIR` runs this after writing the report. It reads
 * the report's numbers back from the HTML file (the JSON in
 * <script id="yf-data">), builds each chart's options with the page's own
 * code (report/page.js: chartSpecs), and renders them with ECharts'
 * server-side SVG renderer: no browser is needed. The interactive parts (the
 * zoom slider, the toolbox) are left out of the images. Files are DIR/ID.svg,
 * ID being the chart's id in the page (gdp_growth, net_lending_1, sankey_1, ...).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const echarts = require('echarts');
const page = require('./page.js');

function usage(msg) {
  if (msg) process.stderr.write('images.js: error: ' + msg + '\n');
  process.stderr.write('usage: node report/images.js REPORT.html DIR [--width N] [--height N]\n');
  process.exit(2);
}

function readReport(file) {
  const html = fs.readFileSync(file, 'utf8');
  const open = '<script type="application/json" id="yf-data">';
  const start = html.indexOf(open);
  const end = start < 0 ? -1 : html.indexOf('</script>', start);
  if (start < 0 || end < 0) throw new Error(file + ' is not a yuanflow report (no yf-data)');
  return JSON.parse(html.slice(start + open.length, end));
}

function main(argv) {
  const args = argv.slice(2);
  let width = 900, height = 480;
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--width' || args[i] === '--height') {
      const v = Number(args[++i]);
      if (!(v >= 100 && v <= 10000)) usage(args[i - 1] + ' must be a number of pixels, got ' + args[i]);
      if (args[i - 1] === '--width') width = v; else height = v;
    } else if (args[i].startsWith('--')) {
      usage('unknown option ' + args[i]);
    } else {
      files.push(args[i]);
    }
  }
  if (files.length !== 2) usage();
  const [reportFile, dir] = files;
  const report = readReport(reportFile);
  fs.mkdirSync(dir, { recursive: true });
  const specs = page.chartSpecs(report);
  for (const spec of specs) {
    const option = Object.assign({}, spec.option);
    delete option.toolbox;
    delete option.dataZoom;
    if (option.legend) option.legend = Object.assign({}, option.legend, { bottom: 4 });
    if (option.grid) option.grid = Object.assign({}, option.grid, { bottom: 64 });
    const h = spec.wide ? Math.round(height * 1.5) : height;
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: width, height: h });
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    fs.writeFileSync(path.join(dir, spec.id + '.svg'), svg);
  }
  process.stderr.write('yuanflow: wrote ' + specs.length + ' chart images (SVG) in ' + dir + '\n');
}

try {
  main(process.argv);
} catch (e) {
  process.stderr.write('images.js: error: ' + (e && e.message ? e.message : String(e)) + '\n');
  process.exit(1);
}
