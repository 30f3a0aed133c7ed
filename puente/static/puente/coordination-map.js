// The coordination maps: one circle per municipality, from the figures embedded in the page.
// People reached (sized) on the dashboard; needs left uncovered (coloured) on the gap analysis.
// No base tiles: nothing is fetched from outside Puente; the tables beside the map hold the figures.
(function () {
  "use strict";
  var element = document.getElementById("coordination-map");
  var source = document.getElementById("coordination-map-data");
  if (!element || !source || !window.L) { return; }
  var points = JSON.parse(source.textContent);
  var map = L.map(element, { zoomSnap: 0.25, attributionControl: false })
    .fitBounds([[7.05, -73.5], [8.75, -72.35]]);
  var colours = { uncovered: "#a4161a", partial: "#8a5a00", covered: "#1e6b30" };
  var gaps = element.dataset.mode === "gaps";
  var labels = gaps ? JSON.parse(element.dataset.labels) : {};
  points.forEach(function (p) {
    var style, text;
    if (gaps) {
      style = { radius: 7 + 3 * Math.min(p.uncovered + p.partial, 6), color: colours[p.status], weight: 1, fillOpacity: 0.6 };
      text = p.name + ": " + p.uncovered + " " + labels.uncovered + ", " + p.partial + " " + labels.partial;
    } else {
      style = { radius: 4 + 22 * Math.sqrt(p.share), color: "#00527a", weight: 1, fillOpacity: 0.55 };
      text = p.name + ": " + p.value + " " + element.dataset.unit;
    }
    L.circleMarker([p.lat, p.lon], style).bindTooltip(text).addTo(map);
  });
  element.dataset.loaded = String(points.length);
}());
