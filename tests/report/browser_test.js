#!/usr/bin/env node
/*
 * browser_test.js: `yuanflow report` opened in a real browser (docs/report.md
 * section 6). CTest runs it with the label `browser`.
 *
 *   node tests/report/browser_test.js --yuanflow BIN --data DIR --work DIR
 *        [--screenshot FILE] [--keep-going]
 *
 * It makes a small store (2000-2005, 2,000 households): two runs of
 * "baseline" with different sizes (an ensemble: fan charts), and one of
 * "rate cut" (a scenario to compare: differences), writes the report and its
 * SVG images, opens the report in headless Chromium (Debian's, driven by
 * playwright-core with the flags this machine needs) from a file:// URL, and
 * checks what was drawn, not only that the page loaded:
 *   - every chart the report describes has an ECharts instance whose series
 *     hold numbers, and an SVG with drawn paths in its box;
 *   - the expected charts are there: data lines (with their source) on the
 *     charts with real data, ensemble bands, differences, net lending as
 *     stacked bars that sum to zero, a Sankey diagram with links;
 *   - the matrices' sums are zero (the model's accounts close);
 *   - hovering shows a tooltip with values; clicking a legend entry hides its line;
 *   - no console error, no page error, no network request;
 *   - one SVG image per chart, each with drawn paths;
 * then saves a screenshot. Exit 0 if all passed, 1 if not, 77 (CTest's
 * SKIP_RETURN_CODE) with a message when Chromium or playwright-core is missing.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO = path.resolve(__dirname, '..', '..');
const REPORT_DIR = path.join(REPO, 'report');

function parseArgs(argv) {
  const o = { yuanflow: null, data: path.join(REPO, 'data'), work: null, screenshot: null };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--yuanflow') o.yuanflow = argv[++i];
    else if (a === '--data') o.data = argv[++i];
    else if (a === '--work') o.work = argv[++i];
    else if (a === '--screenshot') o.screenshot = argv[++i];
    else { console.error('browser_test: unknown option ' + a); process.exit(2); }
  }
  if (!o.yuanflow || !o.work) {
    console.error('usage: node tests/report/browser_test.js --yuanflow BIN --work DIR [--data DIR] [--screenshot FILE]');
    process.exit(2);
  }
  return o;
}

function skip(why) {
  console.log('SKIPPED: ' + why);
  process.exit(77);
}

let passed = 0, failed = 0;
function check(cond, what) {
  if (cond) passed++;
  else { failed++; console.error('check failed: ' + what); }
}

function yuanflow(o, args) {
  return execFileSync(o.yuanflow, args, { cwd: o.work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function main() {
  const o = parseArgs(process.argv);
  if (!fs.existsSync(CHROMIUM)) skip(CHROMIUM + ' not found: bash scripts/install-deps.sh installs Debian\'s chromium');
  let playwright;
  try {
    playwright = require(require.resolve('playwright-core', { paths: [REPORT_DIR] }));
  } catch (e) {
    skip('playwright-core not found in report/node_modules: bash scripts/install-report-deps.sh installs it');
  }
  const t0 = Date.now();
  fs.rmSync(o.work, { recursive: true, force: true });
  fs.mkdirSync(o.work, { recursive: true });
  const store = path.join(o.work, 'runs.sqlite');
  const small = ['--to', '2005', '--firms', '500', '--data', o.data, '--store', store];
  yuanflow(o, ['run', '--households', '2000'].concat(small));
  yuanflow(o, ['run', '--households', '3000'].concat(small));
  yuanflow(o, ['run', '--households', '2000', '--scenario-name', 'rate cut',
    '--set', 'policy_rate_offset=-0.01'].concat(small));
  const html = path.join(o.work, 'report.html');
  const images = path.join(o.work, 'img');
  yuanflow(o, ['report', '--store', store, '--scenarios', 'baseline,rate cut', '--data', o.data,
    '--out', html, '--year', '2004', '--images', images]);
  const tRuns = Date.now();

  /* What the report says it holds, read from the file itself. */
  const text = fs.readFileSync(html, 'utf8');
  check(!/<script[^>]+src=/.test(text) && !/<link[^>]+href=/.test(text), 'the report loads no external file');
  const open = '<script type="application/json" id="yf-data">';
  const report = JSON.parse(text.slice(text.indexOf(open) + open.length, text.indexOf('</script>', text.indexOf(open))));
  const expected = [];
  report.sections.forEach((s) => s.charts.forEach((c) => expected.push(c.id)));
  report.matrices.scenarios.forEach((s, i) => expected.push('sankey_' + (i + 1)));

  const userDir = fs.mkdtempSync(path.join(o.work, 'chromium-'));
  const browser = await playwright.chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 }
  });
  const errors = [], requests = [];
  try {
    const pg = browser.pages()[0] || await browser.newPage();
    pg.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
    pg.on('pageerror', (e) => errors.push('page error: ' + e.message));
    pg.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
    await pg.goto('file://' + html);
    await pg.waitForFunction(() => window.yfReady === true, null, { timeout: 30000 });

    const charts = await pg.evaluate(() => window.yfCharts.map((c) => {
      const opt = c.chart.getOption();
      const box = c.chart.getDom();
      const series = opt.series.map((s) => {
        const data = s.type === 'sankey' ? (s.links || []) : (s.data || []);
        const numbers = data.filter((v) => v !== null && v !== undefined &&
          (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'object'));
        return { id: s.id, type: s.type, name: s.name, n: numbers.length,
          nodes: s.type === 'sankey' ? (s.data || []).length : 0,
          values: s.type === 'bar' ? s.data : null };
      });
      const svg = box.querySelector('svg');
      /* Visible marks in the colour of the first line or bars: a stroke across
       * the plot, or the fill of the bars. */
      const first = opt.series.find((s) => s.id === 'line-0' || s.id === 'bar-0');
      const colour = ((first && ((first.lineStyle && first.lineStyle.color) ||
        (first.itemStyle && first.itemStyle.color))) || '').toLowerCase();
      const visible = (el) => el.getAttribute('opacity') !== '0' && el.getAttribute('stroke-opacity') !== '0' &&
        el.getAttribute('fill-opacity') !== '0';
      const paths = svg ? Array.from(svg.querySelectorAll('path')).filter(visible) : [];
      /* A line across the plot (not a legend icon), or the bars of the years. */
      const lineMarks = paths.filter((el) => (el.getAttribute('stroke') || '').toLowerCase() === colour &&
        el.getBBox().width > 150).length;
      const barMarks = paths.filter((el) => (el.getAttribute('fill') || '').toLowerCase() === colour).length;
      return {
        firstColour: c.type === 'stacked_bar' ? (barMarks >= 4 ? 1 : 0) : lineMarks,
        id: c.id, type: c.type, series: series,
        width: c.chart.getWidth(), height: c.chart.getHeight(),
        paths: svg ? svg.querySelectorAll('path').length : 0,
        title: opt.title && opt.title[0] ? opt.title[0].text : '',
        subtext: opt.title && opt.title[0] ? opt.title[0].subtext : ''
      };
    }));
    const byId = {};
    charts.forEach((c) => { byId[c.id] = c; });
    check(charts.length === expected.length, 'the page drew ' + charts.length + ' charts, the report has ' + expected.length);
    expected.forEach((id) => check(byId[id], 'chart ' + id + ' is on the page'));
    for (const c of charts) {
      const withData = c.series.filter((s) => s.n >= 2);
      check(withData.length > 0, c.id + ': a series with data');
      check(c.paths >= 5, c.id + ': drawn SVG paths (' + c.paths + ')');
      check(c.width > 200 && c.height > 200, c.id + ': a box to draw in (' + c.width + 'x' + c.height + ')');
      check(c.title.length > 0, c.id + ': a title');
      if (c.type !== 'sankey') check(c.firstColour >= 1, c.id + ': its first line or bars drawn, visible, in their colour');
    }
    for (const id of ['gdp_growth', 'cpi_inflation', 'unemployment', 'consumption_share', 'exports', 'fx_reserves', 'usdcny', 'policy_rate']) {
      const c = byId[id];
      const data = c ? c.series.find((s) => s.id === 'data-0') : null;
      check(data && data.n >= 5, id + ': a real-data line');
      check(c && /^Data: /.test(c.subtext), id + ': its source named on the chart');
    }
    const g = byId.gdp_growth;
    check(g && g.series.some((s) => s.id === 'band-0' && s.n >= 3), 'gdp_growth: an ensemble band (two baseline runs)');
    check(byId.diff_gdp_growth && byId.diff_gdp_growth.series.some((s) => s.n >= 3), 'a difference chart rate cut - baseline');
    for (const id of ['net_lending_1', 'net_lending_2']) {
      const c = byId[id];
      const bars = c ? c.series.filter((s) => s.type === 'bar') : [];
      check(bars.length === 5, id + ': five sectors stacked (' + bars.length + ')');
      if (bars.length) {
        let worst = 0;
        bars[0].values.forEach((v, k) => {
          if (v === null) return;
          const sum = bars.reduce((a, b) => a + (b.values[k] || 0), 0);
          worst = Math.max(worst, Math.abs(sum));
        });
        check(worst < 1e-3, id + ': the sectors\' net lending sums to zero (worst ' + worst + ' % of GDP)');
      }
    }
    const s1 = byId.sankey_1;
    check(s1 && s1.series[0].type === 'sankey' && s1.series[0].n >= 5 && s1.series[0].nodes >= 6, 'sankey_1: links and nodes');

    /* The matrices: Σ rows of the balance sheet and the flows all zero. */
    const sums = await pg.evaluate(() => Array.from(document.querySelectorAll('table.matrix')).map((t) => {
      const sum = t.querySelector('tr.sum');
      return { kind: t.dataset.kind, rows: t.querySelectorAll('tbody tr').length,
        cells: sum ? Array.from(sum.querySelectorAll('td')).slice(1, -1).map((td) => td.textContent) : null };
    }));
    const bs = sums.find((s) => s.kind === 'balance_sheet'), fl = sums.find((s) => s.kind === 'flows');
    check(bs && bs.rows >= 15, 'a balance sheet with its rows');
    check(fl && fl.rows >= 30, 'a transactions-flow matrix with its rows');
    check(bs && bs.cells.length >= 9 && bs.cells.every((x) => x === '0'), 'balance-sheet columns sum to zero: ' + (bs && bs.cells));
    check(fl && fl.cells.length >= 9 && fl.cells.every((x) => x === '0'), 'flow columns sum to zero: ' + (fl && fl.cells));

    /* Interaction: a tooltip on hover, a legend click hides a line. */
    await pg.locator('#chart-unemployment').scrollIntoViewIfNeeded();
    const box2 = await pg.locator('#chart-unemployment').boundingBox();
    await pg.mouse.move(box2.x + box2.width * 0.6, box2.y + box2.height * 0.5);
    await pg.waitForTimeout(300);
    const tip = await pg.evaluate(() => {
      const d = document.querySelector('#chart-unemployment');
      const t = Array.from(d.querySelectorAll('div')).find((x) => /% of the labour force/.test(x.textContent) &&
        /baseline/.test(x.textContent) && getComputedStyle(x).display !== 'none');
      return t ? t.textContent : '';
    });
    check(/200[0-5]/.test(tip) && /\d\.\d/.test(tip), 'hovering shows a tooltip with a year and values: "' + tip.slice(0, 80) + '"');
    const toggled = await pg.evaluate(() => {
      const c = window.yfCharts.find((x) => x.id === 'unemployment').chart;
      const name = c.getOption().series.find((s) => s.id === 'line-0').name;
      c.dispatchAction({ type: 'legendToggleSelect', name: name });
      return c.getOption().legend[0].selected[name];
    });
    check(toggled === false, 'a legend click hides the line');

    check(errors.length === 0, 'no console or page errors: ' + errors.join(' | '));
    check(requests.length === 0, 'no network requests: ' + requests.join(' '));

    await pg.evaluate(() => {
      const c = window.yfCharts.find((x) => x.id === 'unemployment').chart;
      c.dispatchAction({ type: 'legendAllSelect' });
      c.dispatchAction({ type: 'hideTip' });
      window.scrollTo(0, 0);
    });
    const shot = o.screenshot || path.join(o.work, 'report.png');
    await pg.screenshot({ path: shot });
    console.log('screenshot: ' + shot);
  } finally {
    await browser.close();
  }

  /* The images of --images: one SVG per chart, each with drawn paths. */
  for (const id of expected) {
    const f = path.join(images, id + '.svg');
    const svg = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '';
    check(svg.startsWith('<svg') && (svg.match(/<path/g) || []).length >= 5, 'image ' + id + '.svg drawn');
  }
  const t1 = Date.now();
  console.log('runs and report ' + ((tRuns - t0) / 1000).toFixed(1) + ' s, browser and images ' + ((t1 - tRuns) / 1000).toFixed(1) + ' s');
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error('browser_test: ' + (e && e.stack ? e.stack : e));
  console.log(passed + ' passed, ' + (failed + 1) + ' failed');
  process.exit(1);
});
