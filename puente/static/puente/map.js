// The cooperation map: one circle per municipality, sized by its number of activities.
// No base tiles: nothing is fetched from outside Puente (the table beside it holds the figures).
(function () {
  "use strict";
  var element = document.getElementById("map");
  if (!element || !window.L) { return; }
  var map = L.map(element, { zoomSnap: 0.25, attributionControl: false })
    .fitBounds([[7.05, -73.5], [8.75, -72.35]]);
  var label = element.dataset.label;
  fetch(element.dataset.source, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (rows) {
      var biggest = Math.max.apply(null, rows.map(function (r) { return r.activities; }).concat([1]));
      rows.forEach(function (row) {
        if (row.latitude === null) { return; }
        var radius = row.activities ? 6 + 24 * Math.sqrt(row.activities / biggest) : 3;
        L.circleMarker([row.latitude, row.longitude], {
          radius: radius, color: "#00527a", weight: 1, fillOpacity: row.activities ? 0.55 : 0.15
        }).bindTooltip(row.name + ": " + row.activities + " " + label).addTo(map);
      });
      element.dataset.loaded = String(rows.length);
    });
}());
