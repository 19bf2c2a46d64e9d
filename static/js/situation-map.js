// The situation picture's map: records as clustered points, districts with their counts.
// Reads everything from the map element's data attributes; no inline script (CSP).
(function () {
  "use strict";
  var element = document.getElementById("situation-map");
  if (!element || !window.L) {
    return;
  }
  var colours = {
    complaints: "#a3161a",
    citizen_dialogues: "#1d6b35",
    employee_dialogues: "#6b3fa0",
    police_events: "#0b4f8a"
  };
  var map = L.map(element, { scrollWheelZoom: false }).setView([62.0, 15.0], 5);
  L.tileLayer(element.dataset.tiles, {
    attribution: element.dataset.attribution,
    maxZoom: 18
  }).addTo(map);

  function popup(properties) {
    // Text nodes only: nothing from the data is read as HTML.
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = properties.label;
    box.appendChild(title);
    box.appendChild(document.createElement("br"));
    box.appendChild(document.createTextNode(properties.source_label + " · " + properties.month));
    return box;
  }

  fetch(element.dataset.url, { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
      data.features.forEach(function (feature) {
        var at = feature.geometry.coordinates;
        var colour = colours[feature.properties.source] || "#1b1b1f";
        var marker = L.circleMarker([at[1], at[0]], {
          radius: 6, color: "#ffffff", weight: 1, fillColor: colour, fillOpacity: 0.9
        });
        marker.bindPopup(popup(feature.properties));
        cluster.addLayer(marker);
      });
      map.addLayer(cluster);
      var districts = L.geoJSON(data.districts, {
        style: { color: "#0b4f8a", weight: 2, fillOpacity: 0.05 },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(feature.properties.name + ": " + feature.properties.count, {
            permanent: true, direction: "center", className: "district-count"
          });
        }
      }).addTo(map);
      var bounds = cluster.getBounds();
      if (districts.getBounds().isValid()) {
        bounds = bounds.isValid() ? bounds.extend(districts.getBounds()) : districts.getBounds();
      }
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
      }
      element.dataset.ready = String(data.features.length);
    });
})();
