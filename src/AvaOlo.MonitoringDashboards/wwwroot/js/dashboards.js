// Draws the dashboards' charts from data-* attributes and refreshes the figures every minute without reloading
// the page: it fetches the same page, and swaps in the elements marked data-refresh (and the charts' data).
// No inline script anywhere, so the strict Content-Security-Policy holds.
(function () {
  "use strict";
  var palette = ["#8b4513", "#6b7d46", "#c8a165", "#1a1a1a", "#a0522d"];
  var charts = {};
  window.avaoloCharts = charts;

  function read(canvas) {
    return {
      type: canvas.getAttribute("data-chart-type") || "line",
      labels: JSON.parse(canvas.getAttribute("data-labels") || "[]"),
      series: JSON.parse(canvas.getAttribute("data-series") || "[]")
    };
  }

  function datasets(spec) {
    return spec.series.map(function (s, i) {
      var color = palette[i % palette.length];
      return {
        label: s.label, data: s.data, yAxisID: s.axis || "y", borderColor: color,
        backgroundColor: spec.type === "bar" ? color : color + "33", borderWidth: 2, spanGaps: true, pointRadius: 2
      };
    });
  }

  function draw(canvas) {
    var spec = read(canvas);
    var secondAxis = spec.series.some(function (s) { return s.axis === "y1"; });
    var scales = { y: { beginAtZero: true, ticks: { font: { size: 14 } } }, x: { ticks: { font: { size: 14 } } } };
    if (secondAxis) scales.y1 = { beginAtZero: true, position: "right", grid: { drawOnChartArea: false } };
    charts[canvas.id] = new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets(spec) },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, scales: scales,
        plugins: { legend: { labels: { font: { size: 16 } } } }
      }
    });
    canvas.setAttribute("data-chart-ready", "1");
  }

  function update(canvas, fresh) {
    var chart = charts[canvas.id];
    if (!chart) return;
    ["data-labels", "data-series"].forEach(function (a) { canvas.setAttribute(a, fresh.getAttribute(a)); });
    var spec = read(canvas);
    chart.data.labels = spec.labels;
    chart.data.datasets = datasets(spec);
    chart.update("none");
  }

  function refresh() {
    if (document.hidden) return;
    fetch(window.location.pathname, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-refresh][id]").forEach(function (old) {
          var fresh = doc.getElementById(old.id);
          if (!fresh) return;
          var canvas = old.querySelector("canvas[data-chart-type]");
          if (canvas) {
            var freshCanvas = fresh.querySelector("canvas[data-chart-type]");
            if (freshCanvas) update(canvas, freshCanvas);
            var table = old.querySelector("details"), freshTable = fresh.querySelector("details");
            if (table && freshTable) table.innerHTML = freshTable.innerHTML;
          } else {
            old.innerHTML = fresh.innerHTML;
          }
        });
        document.body.setAttribute("data-refreshed-at", new Date().toISOString());
      })
      .catch(function () { /* the next tick tries again; the page keeps its last figures */ });
  }

  document.querySelectorAll("canvas[data-chart-type]").forEach(draw);
  window.setInterval(refresh, 60000);
  window.avaoloRefresh = refresh;
})();
