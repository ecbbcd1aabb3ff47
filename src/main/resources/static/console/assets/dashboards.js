// Draws each dashboard chart from the table of its numbers (the table stays on the page: it is the
// accessible version, and its links are the lists behind the chart). Bars and points are patterned
// as well as coloured, and clicking one opens the list behind its row.
(function () {
  'use strict';

  function tableData(table) {
    var columns = Array.prototype.map.call(table.querySelectorAll('thead th.num'), function (th) { return th.textContent.trim(); });
    // the codes behind the plain labels (a status's colour is looked up by its code)
    var codes = Array.prototype.map.call(table.querySelectorAll('thead th.num'), function (th) {
      return th.getAttribute('data-code') || th.textContent.trim();
    });
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      var link = tr.querySelector('a');
      return {
        label: tr.querySelector('th').textContent.trim(),
        values: Array.prototype.map.call(tr.querySelectorAll('td[data-value]'), function (td) {
          var v = td.getAttribute('data-value');
          return v === '' || v === null ? null : Number(v);
        }),
        href: link ? link.getAttribute('href') : null
      };
    });
    return { columns: columns, codes: codes, rows: rows };
  }

  // Meaningful colours where the series are statuses (red only for what needs attention, grey for
  // finished work); patterns and the table carry the same meaning for those who cannot tell colours apart.
  var COLOURS = {
    READY: '#1f5fa8', NEW: '#6b8fc7', IN_PROGRESS: '#2e7d32', WAITING_ON_PATIENT: '#c77700', WAITING_ON_EXTERNAL: '#8d6e00',
    BLOCKED_MISSING_INFO: '#b3261e', DONE: '#8a96a3', CANCELLED: '#c9d1d9', 'Overdue': '#b3261e', 'Open, not overdue': '#1f5fa8',
    'Median (hours)': '#1f5fa8', '90th percentile (hours)': '#c77700'
  };

  function option(kind, unit, data, chartWidth) {
    var base = {
      aria: { enabled: true, decal: { show: true } },
      animation: false,
      tooltip: { trigger: kind === 'line' ? 'axis' : 'item' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true }
    };
    if (kind === 'line') {
      // months along the x axis, one line per row (program)
      base.xAxis = { type: 'category', data: data.columns };
      base.yAxis = { type: 'value', min: 0, max: 100, name: unit };
      base.series = data.rows.map(function (r, i) {
        return { name: r.label, type: 'line', data: r.values, connectNulls: false, symbolSize: 9,
                 symbol: ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'][i % 6], label: { show: true, formatter: '{c}' } };
      });
      return base;
    }
    var columns = kind === 'bars' ? data.columns.slice(0, 2) : data.columns;
    if (kind === 'hstacked') {
      // long category names (queues) read across, one per line, first row on top: none over another
      base.yAxis = { type: 'category', inverse: true, data: data.rows.map(function (r) { return r.label; }),
                     axisLabel: { interval: 0 } };
      base.xAxis = { type: 'value', name: unit, minInterval: 1 };
      base.series = columns.map(function (c, i) {
        var s = { name: c, type: 'bar', stack: 'all', data: data.rows.map(function (r) { return r.values[i]; }) };
        var colour = COLOURS[data.codes[i]] || COLOURS[c];
        if (colour) {
          s.itemStyle = { color: colour };
        }
        return s;
      });
      return base;
    }
    // every label shown, none over another: labels wrap inside their slot of the axis, and turn when there are many rows
    var slot = Math.max(48, Math.floor(((chartWidth || 600) - 80) / Math.max(1, data.rows.length)));
    var turn = data.rows.length > 4;
    base.xAxis = { type: 'category', data: data.rows.map(function (r) { return r.label; }),
                   axisLabel: { interval: 0, rotate: turn ? 35 : 0, width: turn ? 130 : slot - 8, overflow: turn ? 'truncate' : 'break',
                                hideOverlap: false, fontSize: 11 } };
    base.yAxis = { type: 'value', name: unit, minInterval: kind === 'bars' ? 0 : 1 };
    base.series = columns.map(function (c, i) {
      var s = { name: c, type: 'bar', data: data.rows.map(function (r) { return r.values[i]; }) };
      var colour = COLOURS[data.codes[i]] || COLOURS[c];
      if (colour) {
        s.itemStyle = { color: colour };
      }
      if (kind === 'stacked') {
        s.stack = 'all';
      } else {
        s.label = { show: true, position: 'top' };
      }
      return s;
    });
    return base;
  }

  function draw(element) {
    var table = document.getElementById(element.getAttribute('data-table'));
    if (!table || typeof echarts === 'undefined') {
      return;
    }
    var data = tableData(table);
    var kind = element.getAttribute('data-kind');
    if (kind === 'hstacked') {
      // room for every row's name on its own line
      element.style.height = Math.max(300, 90 + 30 * data.rows.length) + 'px';
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(option(kind, element.getAttribute('data-unit'), data, element.clientWidth));
    chart.on('click', function (params) {
      var row = kind === 'line' ? data.rows[params.seriesIndex] : data.rows[params.dataIndex];
      if (row && row.href) {
        window.location.assign(row.href);
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-drawn', 'true');
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.chart[data-table]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
