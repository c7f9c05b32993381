// Draws the SPBE competency gap (modules/OrchardSpbe.Programmers) from the table beside it — the table is the
// accessible, no-script view: needed and available per area as bars. Apache ECharts, vendored in the site theme.
(function () {
  'use strict';
  function draw() {
    var figure = document.querySelector('.gap-chart');
    var table = document.querySelector('[data-gap-table]');
    if (!figure || !table || !window.echarts) return;
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var names = rows.map(function (tr) { return tr.querySelector('th').textContent.trim(); });
    var heads = table.querySelectorAll('thead th');
    var chart = window.echarts.init(figure.querySelector('.gap-chart-canvas'), null, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 72, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: heads[1].textContent.trim(), type: 'bar', data: rows.map(function (tr) { return Number(tr.dataset.needed); }) },
        { name: heads[2].textContent.trim(), type: 'bar', data: rows.map(function (tr) { return Number(tr.dataset.available); }) }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    figure.removeAttribute('aria-hidden');
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', table.caption ? table.caption.textContent : '');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
