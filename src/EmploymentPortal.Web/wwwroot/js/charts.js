// Charts drawn from the accessible tables beside them (issue 6: "the same numbers as an
// accessible table"): a <table data-chart="line|bar"> is the data. Its first column labels the
// points (months); every other column whose header carries data-series is a series, and each of
// its cells gives its number in data-value (the text shown may be formatted). The chart is inserted
// before the table and is hidden from assistive technology, which reads the table instead.
// Chart.js (wwwroot/lib/chart.js, MIT) must be loaded first; without it the table stays alone.
(function () {
  'use strict';

  function seriesOf(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    // A row marked data-partial (the month in progress) is drawn as a hollow point on a dashed segment.
    var partial = rows.map(function (row) { return row.getAttribute('data-partial') === 'true'; });
    var datasets = [];
    headers.forEach(function (header, column) {
      if (column === 0 || !header.hasAttribute('data-series')) {
        return;
      }

      datasets.push({
        label: header.textContent.trim(),
        data: rows.map(function (row) {
          var value = row.cells[column] && row.cells[column].getAttribute('data-value');
          return value === null || value === '' ? null : Number(value);
        }),
        tension: 0.2,
        pointBackgroundColor: partial.map(function (p) { return p ? '#fff' : undefined; }),
        pointRadius: partial.map(function (p) { return p ? 5 : 3; }),
        segment: {
          borderDash: function (ctx) { return partial[ctx.p1DataIndex] ? [6, 4] : undefined; }
        }
      });
    });
    return { labels: labels, datasets: datasets };
  }

  function draw(table) {
    if (typeof window.Chart !== 'function' || !table.tHead || !table.tBodies.length) {
      return;
    }

    var data = seriesOf(table);
    if (!data.datasets.length || !data.labels.length) {
      return;
    }

    var holder = document.createElement('div');
    holder.className = 'chart';
    holder.setAttribute('aria-hidden', 'true');
    var canvas = document.createElement('canvas');
    holder.appendChild(canvas);
    table.parentNode.insertBefore(holder, table);
    table.setAttribute('data-chart-drawn', 'true');
    new window.Chart(canvas, {
      type: table.getAttribute('data-chart') === 'bar' ? 'bar' : 'line',
      data: data,
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  document.querySelectorAll('table[data-chart]').forEach(draw);
}());
