// The console's only script: draws each <canvas data-chart="..."> with Chart.js. The data comes
// from the page itself (the same figures are in a table beside the chart), so no request leaves
// the page and nothing runs inline.
(function () {
  "use strict";
  var palette = ["#0b5cad", "#b3461b", "#1d6b2f", "#6a3d9a", "#8a6d00", "#a3161b"];

  function draw(canvas) {
    if (typeof Chart === "undefined" || Chart.getChart(canvas)) {
      return;
    }
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    var datasets = spec.datasets.map(function (set, i) {
      var colour = palette[i % palette.length];
      return {
        label: set.label,
        data: set.data,
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: 2,
        pointRadius: 0,
        tension: 0.2
      };
    });
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          x: { stacked: !!spec.stacked, ticks: { maxRotation: 0, autoSkip: true } },
          y: { stacked: !!spec.stacked, beginAtZero: true }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  function drawAll(root) {
    (root || document).querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (event) { drawAll(event.target); });
})();
