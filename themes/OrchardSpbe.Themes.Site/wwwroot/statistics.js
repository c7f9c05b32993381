// Draws the indicator chart from the data table beside it (the table is the accessible, no-script view):
// a line over time for each area, or bars per area when there is one period. Apache ECharts, vendored.
(function () {
  'use strict';
  function draw() {
    var figure = document.querySelector('.stat-chart');
    var table = document.querySelector('[data-stat-table]');
    if (!figure || !table || !window.echarts) return;
    var areas = Array.prototype.map.call(table.querySelectorAll('thead th[data-area]'), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var periods = rows.map(function (tr) { return tr.querySelector('th').textContent.trim(); });
    var series = areas.map(function (area, i) {
      return {
        name: area,
        type: figure.dataset.chart === 'bar' ? 'bar' : 'line',
        connectNulls: false,
        data: rows.map(function (tr) {
          var cell = tr.querySelectorAll('td')[i];
          return cell && cell.dataset.value !== '' ? Number(cell.dataset.value) : null;
        })
      };
    });
    var canvas = figure.querySelector('.stat-chart-canvas');
    var chart = window.echarts.init(canvas, null, { renderer: 'svg' });
    var bar = figure.dataset.chart === 'bar';
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 56, right: 16, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: bar ? areas : periods },
      yAxis: { type: 'value', name: figure.dataset.unit },
      series: bar ? [{ type: 'bar', name: periods[0], data: series.map(function (s) { return s.data[0]; }) }] : series
    });
    window.addEventListener('resize', function () { chart.resize(); });
    figure.removeAttribute('aria-hidden');
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', table.caption ? table.caption.textContent : '');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
