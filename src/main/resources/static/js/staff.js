/* Staff dashboard charts: raised per day (bars), the running total (line) and the tiers (dashed lines), drawn with uPlot. */
(function () {
  'use strict';
  function draw(box) {
    fetch(box.getAttribute('data-src'), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (!data.days.length) { box.textContent = 'No money recorded in this period yet.'; return; }
        var scale = data.currency === 'JPY' ? 1 : 100;
        var series = [{}, { label: 'Raised that day', stroke: '#9ca3af', fill: 'rgba(156,163,175,.35)', paths: uPlot.paths.bars({ size: [0.6] }) },
          { label: 'Raised in total', stroke: '#c2410c', width: 2 }];
        var rows = [data.days, data.daily.map(function (v) { return v / scale; }), data.cumulative.map(function (v) { return v / scale; })];
        data.tiers.forEach(function (tier) {
          series.push({ label: tier.label, stroke: '#1f2937', dash: [6, 4], width: 1, points: { show: false } });
          rows.push(data.days.map(function () { return tier.amountMinor / scale; }));
        });
        new uPlot({ width: Math.min(box.clientWidth || 600, 720), height: 240, series: series,
          axes: [{}, { size: 90, values: function (u, vals) { return vals.map(function (v) { return v.toLocaleString() + ' ' + data.currency; }); } }] },
          rows, box);
      })
      .catch(function () { box.textContent = 'The chart could not be loaded.'; });
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.gp-chart[data-src]'), function (box) {
      if (window.uPlot) { draw(box); }
    });
  });
})();
