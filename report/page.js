/*
 * page.js: the page of `yuanflow report` (docs/report.md).
 *
 * The yuanflow binary writes one HTML file holding ECharts, this script, the
 * style, and the report's numbers as JSON (<script id="yf-data">), all
 * computed by src/report/*.c. This script only lays the page out and turns
 * each chart description into ECharts options:
 *   - "line": lines (one per series and scenario), ensemble bands (5-95% and
 *     25-75%, drawn as stacked areas under the median), and real-data lines;
 *   - "stacked_bar": the sectoral net lending, stacked bars per year;
 *   - the Sankey diagram and the matrices of one year.
 * The same option builders serve report/images.js, which renders every chart
 * to SVG in node (ECharts' server-side rendering): chartSpecs(report).
 *
 * In a browser it sets window.yfCharts ([{id, type, chart}]) and, once every
 * chart has been drawn, window.yfReady = true (tests/report/ waits for it).
 */
(function (root, factory) {
  'use strict';
  var api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.yuanflowReport = api;
    if (typeof document !== 'undefined') api.render(document, root.echarts);
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /* Okabe & Ito's colour-blind-safe palette, yellow last (weak on white). */
  var PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000',
    '#F0E442'];
  var DASHES = ['solid', 'dashed', 'dotted', [8, 3, 2, 3]];
  var DATA_COLOUR = '#000000';
  /* The sectors of the China chart of accounts (src/ledger/chart_china.c):
   * the eight Okabe-Ito colours and a grey for the ninth. */
  var SECTOR_COLOURS = { HH: '#0072B2', F: '#D55E00', DEV: '#CC79A7', LG: '#009E73',
    LGFV: '#56B4E9', CG: '#E69F00', B: '#000000', PBOC: '#F0E442', ROW: '#999999' };

  function fmt(v, digits) {
    if (v === null || v === undefined || Number.isNaN(v)) return '—';
    var a = Math.abs(v);
    var d = digits || (a >= 100 ? 1 : a >= 10 ? 2 : 3);
    return v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 });
  }

  function colourOf(i) { return PALETTE[i % PALETTE.length]; }

  function hexToRgba(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function baseOption(report, chart, sourceText) {
    return {
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'system-ui, "DejaVu Sans", Arial, sans-serif' },
      title: {
        text: chart.title,
        subtext: sourceText ? 'Data: ' + sourceText : '',
        left: 4, top: 2,
        textStyle: { fontSize: 15, fontWeight: 600 },
        subtextStyle: { fontSize: 11, color: '#444' }
      },
      grid: { left: 64, right: 24, top: sourceText ? 78 : 64, bottom: 96 },
      xAxis: {
        type: 'category', data: report.years.map(String), name: 'year',
        nameLocation: 'end', nameGap: 8, boundaryGap: chart.type === 'stacked_bar',
        axisLabel: { hideOverlap: true }
      },
      yAxis: {
        type: 'value', name: chart.unit, scale: chart.type !== 'stacked_bar',
        nameTextStyle: { align: 'left', padding: [0, 0, 0, -40] },
        splitLine: { lineStyle: { color: '#eee' } }
      },
      legend: { type: 'plain', bottom: 30, left: 'center', itemWidth: 22, itemGap: 12, textStyle: { fontSize: 12 } },
      dataZoom: [
        { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
        { type: 'slider', xAxisIndex: 0, height: 16, bottom: 6, filterMode: 'none',
          labelFormatter: function (i, v) { return v; } }
      ],
      toolbox: { right: 8, top: 0, feature: { saveAsImage: { title: 'save as image', name: chart.id } } }
    };
  }

  /* Room under the plot for the legend: its entries wrap in rows of about
   * 70 characters. */
  function fitLegend(opt, names) {
    var rows = 1, width = 0;
    names.forEach(function (n) {
      var w = String(typeof n === 'object' ? n.name : n).length + 6;
      if (width + w > 70 && width > 0) { rows += 1; width = 0; }
      width += w;
    });
    opt.legend.data = names;
    opt.grid.bottom = 72 + 20 * rows;
  }

  /* Lines, ensemble bands and data: the "line" chart. */
  function lineOption(report, chart) {
    var source = chart.data.length ? chart.data[0].source_short : '';
    var opt = baseOption(report, chart, source);
    var series = [];
    var legend = [], bandLegend = [];
    var lineColour = [];
    /* A colour per series (or per scenario when the chart has one series),
     * a dash pattern per scenario. */
    chart.lines.forEach(function (line, i) {
      lineColour.push(colourOf(line.colour === undefined ? i : line.colour));
    });
    /* Bands first, so that the lines are drawn over them. */
    chart.bands.forEach(function (band, b) {
      var colour = lineColour[band.line] || colourOf(b);
      var stack = 'band' + b;
      var diff = band.hi.map(function (h, k) {
        var l = band.lo[k];
        return h === null || l === null ? null : h - l;
      });
      series.push({
        id: 'band-lo-' + b, name: band.name, type: 'line', data: band.lo, stack: stack,
        symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false },
        z: 1, yfRole: 'band-base'
      });
      var fill = hexToRgba(colour, band.level.indexOf('25') === 0 ? 0.34 : 0.16);
      series.push({
        id: 'band-' + b, name: band.name, type: 'line', data: diff, stack: stack, symbol: 'none',
        color: fill, lineStyle: { opacity: 0 }, areaStyle: { color: fill }, itemStyle: { color: fill },
        z: 1, yfRole: 'band', yfBand: band
      });
      bandLegend.push({ name: band.name, icon: 'rect', itemStyle: { color: fill } });
    });
    chart.lines.forEach(function (line, i) {
      series.push({
        id: 'line-' + i, name: line.name, type: 'line', data: line.values,
        symbol: 'circle', symbolSize: 4, showSymbol: false, connectNulls: false,
        lineStyle: { width: 2.2, type: DASHES[(line.dash || 0) % DASHES.length], color: lineColour[i] },
        itemStyle: { color: lineColour[i] },
        z: 3, yfRole: 'line'
      });
      legend.push(line.name);
    });
    chart.data.forEach(function (d, i) {
      series.push({
        id: 'data-' + i, name: d.name, type: 'line', data: d.values,
        symbol: 'circle', symbolSize: 5, showSymbol: true,
        lineStyle: { width: 1.2, type: 'dotted', color: DATA_COLOUR },
        itemStyle: { color: DATA_COLOUR },
        z: 4, yfRole: 'data'
      });
      legend.push(d.name);
    });
    legend = legend.concat(bandLegend);
    if (chart.zero_line && series.length) {
      series[series.length - 1].markLine = {
        silent: true, symbol: 'none', label: { show: false },
        lineStyle: { color: '#888', type: 'solid', width: 1 }, data: [{ yAxis: 0 }]
      };
    }
    opt.series = series;
    fitLegend(opt, legend);
    opt.tooltip = {
      trigger: 'axis',
      formatter: function (params) {
        if (!params.length) return '';
        var k = params[0].dataIndex;
        var rows = ['<b>' + params[0].axisValue + '</b>'];
        params.forEach(function (p) {
          var s = series[p.seriesIndex];
          if (!s || s.yfRole === 'band-base') return;
          var text;
          if (s.yfRole === 'band') {
            var lo = s.yfBand.lo[k], hi = s.yfBand.hi[k];
            if (lo === null || hi === null) return;
            text = fmt(lo) + ' to ' + fmt(hi);
          } else {
            if (p.value === null || p.value === undefined) return;
            text = fmt(p.value);
          }
          rows.push(p.marker + ' ' + p.seriesName + ': <b>' + text + '</b>');
        });
        return rows.join('<br>') + '<br><span style="color:#666">' + chart.unit + '</span>';
      }
    };
    return opt;
  }

  /* Stacked bars: the sectoral net lending. */
  function stackedOption(report, chart) {
    var opt = baseOption(report, chart, '');
    opt.series = chart.lines.map(function (line, i) {
      return {
        id: 'bar-' + i, name: line.name, type: 'bar', stack: 'total', data: line.values,
        itemStyle: { color: colourOf(i) }, emphasis: { focus: 'series' }, barMaxWidth: 28
      };
    });
    fitLegend(opt, chart.lines.map(function (l) { return l.name; }));
    opt.tooltip = {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: function (params) {
        if (!params.length) return '';
        var sum = 0;
        var rows = ['<b>' + params[0].axisValue + '</b>'];
        params.forEach(function (p) {
          if (p.value === null || p.value === undefined) return;
          sum += p.value;
          rows.push(p.marker + ' ' + p.seriesName + ': <b>' + fmt(p.value) + '</b>');
        });
        rows.push('sum: ' + fmt(Math.abs(sum) < 5e-7 ? 0 : sum) + ' (zero: one sector\'s lending is another\'s borrowing)');
        return rows.join('<br>') + '<br><span style="color:#666">' + chart.unit + '</span>';
      }
    };
    return opt;
  }

  /* Who paid whom: payers on the left, payees on the right. */
  function sankeyOption(m, year) {
    var labels = {};
    m.sankey.nodes.forEach(function (n) { labels[n.name] = n.label; });
    var nodes = m.sankey.nodes.map(function (n) {
      var sector = n.name.slice(2);
      return {
        name: n.name, depth: n.depth,
        itemStyle: { color: SECTOR_COLOURS[sector] || '#999999' },
        label: { position: n.depth === 0 ? 'left' : 'right' }
      };
    });
    var title = 'Who paid whom in ' + year + ' — ' + m.scenario;
    return {
      animation: false,
      textStyle: { fontFamily: 'system-ui, "DejaVu Sans", Arial, sans-serif' },
      title: {
        text: title,
        subtext: 'Payments for goods, labour, taxes, interest, dividends and transfers, billion yuan; ' +
          'payers left, payees right (' + m.sankey.total.toLocaleString('en-US') + ' bn in all)',
        left: 4, top: 2, textStyle: { fontSize: 15, fontWeight: 600 },
        subtextStyle: { fontSize: 11, color: '#444' }
      },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          if (p.dataType === 'edge') {
            var parts = (p.data.parts || []).map(function (x) {
              return '&nbsp;&nbsp;' + x.row + ': ' + fmt(x.value, 1);
            });
            return '<b>' + labels[p.data.source] + ' → ' + labels[p.data.target] + '</b>: ' +
              fmt(p.data.value, 1) + ' bn yuan<br>' + parts.join('<br>');
          }
          return '<b>' + labels[p.name] + '</b> ' + (p.name[0] === 'p' ? 'paid ' : 'received ') +
            fmt(p.value, 1) + ' bn yuan';
        }
      },
      toolbox: { right: 8, top: 0, feature: { saveAsImage: { title: 'save as image', name: 'sankey' } } },
      series: [{
        type: 'sankey', left: 170, right: 170, top: 70, bottom: 16,
        nodeWidth: 14, nodeGap: 10, layoutIterations: 32, draggable: true,
        emphasis: { focus: 'adjacency' },
        label: {
          formatter: function (p) { return labels[p.name]; },
          fontSize: 12
        },
        lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
        data: nodes,
        links: m.sankey.links
      }]
    };
  }

  /* Every chart of the report as {id, title, type, option, wide}: the page
   * draws them, report/images.js renders them to SVG. */
  function chartSpecs(report) {
    var specs = [];
    report.sections.forEach(function (sec) {
      sec.charts.forEach(function (chart) {
        specs.push({
          id: chart.id, section: sec.id, title: chart.title, type: chart.type, chart: chart,
          option: chart.type === 'stacked_bar' ? stackedOption(report, chart) : lineOption(report, chart)
        });
      });
    });
    var m = report.matrices;
    if (m && m.scenarios) {
      m.scenarios.forEach(function (s, i) {
        if (!s.sankey || !s.sankey.links.length) return;
        specs.push({
          id: 'sankey_' + (i + 1), section: 'matrices', title: 'Who paid whom in ' + m.year,
          type: 'sankey', option: sankeyOption(s, m.year), wide: true, scenarioIndex: i
        });
      });
    }
    return specs;
  }

  /* ---- the page ---------------------------------------------------------------- */

  function el(doc, tag, attrs, text) {
    var e = doc.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function table(doc, head, rows, numeric) {
    var t = el(doc, 'table', { class: 'plain' });
    var tr = el(doc, 'tr');
    head.forEach(function (h, i) { tr.appendChild(el(doc, 'th', numeric && numeric[i] ? { class: 'num' } : null, h)); });
    var thead = el(doc, 'thead');
    thead.appendChild(tr);
    t.appendChild(thead);
    var tb = el(doc, 'tbody');
    rows.forEach(function (r) {
      var row = el(doc, 'tr');
      r.forEach(function (c, i) { row.appendChild(el(doc, 'td', numeric && numeric[i] ? { class: 'num' } : null, c)); });
      tb.appendChild(row);
    });
    t.appendChild(tb);
    return t;
  }

  function summary(doc, report) {
    var sec = el(doc, 'section', { id: 'summary' });
    sec.appendChild(el(doc, 'h2', null, 'The runs'));
    var scen = report.scenarios.map(function (s) {
      return '“' + s.name + '”' + (s.ensemble ? ' (an ensemble of ' + s.runs.length + ' runs: lines are medians, bands the 25–75% and 5–95% ranges)' : '');
    });
    sec.appendChild(el(doc, 'p', { class: 'intro' },
      (report.scenarios.length > 1 ? 'Scenarios: ' + scen.join('; ') + '. The first, “' +
        report.scenarios[0].name + '”, is the one the others are compared with.'
        : 'Scenario ' + scen[0] + '.') +
      ' Annual values: flows summed over the year, stocks at December, rates and shares averaged.'));
    sec.appendChild(table(doc,
      ['run', 'scenario', 'replicate', 'seed', 'households', 'firms', 'from', 'to', 'yuanflow', 'inputs hash', 'made (UTC)'],
      report.runs.map(function (r) {
        return [String(r.id), r.scenario, String(r.replicate), String(r.seed),
          r.households.toLocaleString('en-US'), r.firms.toLocaleString('en-US'), r.start, r.end,
          r.version, r.hash, r.created || ''];
      }), [true, false, true, true, true, true]));
    sec.appendChild(el(doc, 'h3', null, 'What changed: parameters'));
    if (!report.parameters.length) {
      sec.appendChild(el(doc, 'p', null, 'Every run uses the default parameters of this yuanflow (yuanflow params lists them).'));
    } else {
      sec.appendChild(el(doc, 'p', null,
        'Parameters that differ from this yuanflow\'s defaults, or between the runs (the other parameters are at their defaults; yuanflow params explains each).'));
      sec.appendChild(table(doc,
        ['parameter', 'unit', 'default'].concat(report.scenarios.map(function (s) { return s.name; })),
        report.parameters.map(function (p) { return [p.name, p.unit, p.default].concat(p.values); })));
    }
    return sec;
  }

  function matrixTable(doc, m, kind, title) {
    var wrap = el(doc, 'div', { class: 'matrix-wrap' });
    var t = el(doc, 'table', { class: 'matrix', 'data-kind': kind });
    var head = el(doc, 'tr');
    head.appendChild(el(doc, 'th', null, title + ' (billion yuan)'));
    m.sectors.forEach(function (s) { head.appendChild(el(doc, 'th', { title: s.name }, s.code)); });
    head.appendChild(el(doc, 'th', { title: 'sum of the row' }, 'Σ'));
    var thead = el(doc, 'thead');
    thead.appendChild(head);
    t.appendChild(thead);
    var tb = el(doc, 'tbody');
    function cell(v, exactZero) {
      var td = el(doc, 'td');
      if (v === null || v === undefined) { td.textContent = '—'; return td; }
      td.title = v.toLocaleString('en-US') + ' yuan';
      if (v === 0) { td.textContent = exactZero ? '0' : '·'; td.className = 'zero'; return td; }
      td.textContent = (v / 1e9).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
      if (v < 0) td.className = 'neg';
      return td;
    }
    var data = m[kind];
    data.rows.forEach(function (r) {
      var tr = el(doc, 'tr', { class: r.derived ? 'derived' : r.code.indexOf('change_') === 0 ? 'change' : '' });
      tr.appendChild(el(doc, 'td', { class: 'label', title: r.code }, r.label));
      var sum = 0;
      r.values.forEach(function (v) { tr.appendChild(cell(v, false)); sum += v || 0; });
      tr.appendChild(cell(sum, false));
      tb.appendChild(tr);
    });
    var sumRow = el(doc, 'tr', { class: 'sum' });
    sumRow.appendChild(el(doc, 'td', { class: 'label' }, 'Σ (zero: the matrix is consistent)'));
    data.sums.forEach(function (v) {
      var td = cell(v, true);
      if (v !== 0 && kind !== 'other_changes') td.className = 'off';
      sumRow.appendChild(td);
    });
    sumRow.appendChild(el(doc, 'td'));
    if (kind !== 'other_changes') tb.appendChild(sumRow);
    t.appendChild(tb);
    wrap.appendChild(t);
    return wrap;
  }

  function chartCard(doc, spec) {
    var card = el(doc, 'div', { class: 'card' + (spec.wide ? ' wide' : ''), id: 'card-' + spec.id });
    var div = el(doc, 'div', { class: 'chart', id: 'chart-' + spec.id, 'data-chart': spec.id });
    card.appendChild(div);
    var c = spec.chart;
    if (c && c.note) card.appendChild(el(doc, 'p', { class: 'note' }, c.note));
    if (c && c.data) c.data.forEach(function (d) {
      card.appendChild(el(doc, 'p', { class: 'source' },
        d.source + ' — series ' + d.series + ' of ' + 'data/china_annual.csv'));
    });
    return { card: card, div: div };
  }

  function render(doc, echarts) {
    var report = JSON.parse(doc.getElementById('yf-data').textContent);
    var app = doc.getElementById('app');
    var header = el(doc, 'header', { class: 'top' });
    header.appendChild(el(doc, 'h1', null, report.title));
    header.appendChild(el(doc, 'p', null,
      'A stock-flow consistent, agent-based simulation of China’s economy. Every chart can be read on its own: ' +
      'hover for values, click a legend entry to hide or show a line, drag the slider under a chart (or scroll on it) to zoom on years. ' +
      'Dotted black lines with dots are real data, with their source under the chart.'));
    header.appendChild(el(doc, 'p', null, 'Made by yuanflow ' + report.version + ' from the run store ' + report.store +
      (report.data_file ? '; real data from ' + report.data_file : '; no real data file was found') + '.'));
    app.appendChild(header);
    var nav = el(doc, 'nav', { class: 'toc' });
    app.appendChild(nav);
    var main = el(doc, 'main');
    app.appendChild(main);
    function navLink(id, text) { nav.appendChild(el(doc, 'a', { href: '#' + id }, text)); }

    navLink('summary', 'Runs');
    main.appendChild(summary(doc, report));

    var specs = chartSpecs(report);
    var byId = {};
    specs.forEach(function (s) { byId[s.id] = s; });
    var placed = [];
    report.sections.forEach(function (sec) {
      var s = el(doc, 'section', { id: sec.id });
      s.appendChild(el(doc, 'h2', null, sec.title));
      s.appendChild(el(doc, 'p', { class: 'intro' }, sec.intro));
      navLink(sec.id, sec.title);
      var grid = el(doc, 'div', { class: 'grid' });
      sec.charts.forEach(function (c) {
        var made = chartCard(doc, byId[c.id]);
        grid.appendChild(made.card);
        placed.push({ spec: byId[c.id], div: made.div });
      });
      s.appendChild(grid);
      if (sec.absent.length) {
        var p = el(doc, 'p', { class: 'absent' },
          sec.charts.length ? 'Also planned for this theme, not in these runs yet: '
            : 'None of this theme’s series are in these runs yet (the model does not produce them yet): ');
        sec.absent.forEach(function (name, i) {
          if (i) p.appendChild(doc.createTextNode(', '));
          p.appendChild(el(doc, 'code', null, name));
        });
        s.appendChild(p);
      }
      main.appendChild(s);
    });

    /* The matrices and the flow diagram of one year. */
    var m = report.matrices;
    var ms = el(doc, 'section', { id: 'matrices' });
    ms.appendChild(el(doc, 'h2', null, 'Balance sheets and flows in ' + (m && m.year ? m.year : '—')));
    navLink('matrices', 'Matrices and flows');
    if (!m || !m.scenarios.length) {
      ms.appendChild(el(doc, 'p', { class: 'intro' }, (m && m.missing) || 'No matrices in the store for these runs.'));
    } else {
      ms.appendChild(el(doc, 'p', { class: 'intro' },
        'The ledger’s matrices (docs/ledger.md): the balance sheet at the end of ' + m.year +
        ' (+ asset, − liability; net worth closes each column) and the year’s transactions-flow matrix ' +
        '(+ receipt, − payment; the Δ rows are changes in financial stocks). Every row and column sums to zero: ' +
        'nothing comes from nowhere. Hover a cell for the exact yuan.'));
      var controls = el(doc, 'div', { class: 'controls' });
      var pick = null;
      if (m.scenarios.length > 1) {
        controls.appendChild(doc.createTextNode('Scenario:'));
        pick = el(doc, 'select', { id: 'matrix-scenario' });
        m.scenarios.forEach(function (s, i) { pick.appendChild(el(doc, 'option', { value: String(i) }, s.scenario + ' (run ' + s.run + ')')); });
        controls.appendChild(pick);
      } else {
        controls.appendChild(doc.createTextNode('Scenario “' + m.scenarios[0].scenario + '”, run ' + m.scenarios[0].run + '.'));
      }
      ms.appendChild(controls);
      var holders = m.scenarios.map(function (s, i) {
        /* All sets are shown while the charts are drawn (a hidden element has
         * no size to draw in), then all but the first are hidden. */
        var h = el(doc, 'div', { class: 'matrix-set', 'data-scenario': String(i) });
        var sankeySpec = byId['sankey_' + (i + 1)];
        if (sankeySpec) {
          var made = chartCard(doc, sankeySpec);
          made.card.appendChild(el(doc, 'p', { class: 'note' },
            'Each band is a payment from a sector on the left to a sector on the right: for every row of the ' +
            'transactions-flow matrix, each payer pays each payee in proportion to what the payee received. ' +
            'Changes in financial stocks (lending, buying bonds) are not payments and are left out' +
            (s.sankey.dropped_links ? '; so ' + (s.sankey.dropped_links === 1 ? 'is 1 link' : 'are ' + s.sankey.dropped_links + ' links') +
              ' under 0.1% of the total (' + fmt(s.sankey.dropped_value, 1) + ' bn yuan)' : '') + '.'));
          var wideGrid = el(doc, 'div', { class: 'grid' });
          wideGrid.appendChild(made.card);
          h.appendChild(wideGrid);
          placed.push({ spec: sankeySpec, div: made.div });
        }
        h.appendChild(el(doc, 'h3', null, 'Balance sheet, end of ' + m.year));
        h.appendChild(matrixTable(doc, s, 'balance_sheet', 'balance sheet'));
        h.appendChild(el(doc, 'h3', null, 'Transactions flows, ' + m.year));
        h.appendChild(matrixTable(doc, s, 'flows', 'transactions flows'));
        if (s.other_changes) {
          var det = el(doc, 'details');
          det.appendChild(el(doc, 'summary', null, 'Other changes in stocks in ' + m.year + ' (revaluations, write-offs, opening balances)'));
          det.appendChild(matrixTable(doc, s, 'other_changes', 'other changes'));
          h.appendChild(det);
        }
        ms.appendChild(h);
        return h;
      });
      if (pick) pick.addEventListener('change', function () {
        holders.forEach(function (h, i) { h.style.display = String(i) === pick.value ? '' : 'none'; });
        charts.forEach(function (c) { c.chart.resize(); });
      });
    }
    main.appendChild(ms);
    var foot = el(doc, 'footer', null,
      'Charts drawn with Apache ECharts ' + (echarts && echarts.version ? echarts.version : '') +
      ', inlined: this file needs no network. Colours: Okabe & Ito’s colour-blind-safe palette. ' +
      'yuanflow report --images DIR saves every chart as SVG (docs/report.md).');
    app.appendChild(foot);

    /* Draw. */
    var charts = [];
    var pending = placed.length;
    placed.forEach(function (p) {
      var chart = echarts.init(p.div, null, { renderer: 'svg' });
      chart.on('finished', function once() {
        chart.off('finished', once);
        pending -= 1;
        if (pending === 0) done();
      });
      chart.setOption(p.spec.option);
      charts.push({ id: p.spec.id, type: p.spec.type, chart: chart });
    });
    function done() {
      doc.querySelectorAll('.matrix-set').forEach(function (h, i) { if (i) h.style.display = 'none'; });
      root().yfReady = true;
    }
    if (!placed.length) done();
    root().yfCharts = charts;
    root().addEventListener('resize', function () { charts.forEach(function (c) { c.chart.resize(); }); });
    return charts;
  }

  function root() { return typeof window !== 'undefined' ? window : self; }

  return { render: render, chartSpecs: chartSpecs, palette: PALETTE };
});
