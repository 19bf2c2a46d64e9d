// The place of a report: tap the map, or use the phone's position, and the latitude and
// longitude boxes are filled in. Without this script (or without a pointer) the boxes are
// typed by hand as before. Reads its settings from data attributes; no inline script (CSP).
(function () {
  "use strict";
  var picker = document.querySelector("[data-place-picker]");
  if (!picker || !window.L) {
    return;
  }
  var latitude = document.getElementById(picker.dataset.latitude);
  var longitude = document.getElementById(picker.dataset.longitude);
  var status = picker.querySelector("[data-place-status]");
  var locate = picker.querySelector("[data-locate]");
  if (!latitude || !longitude) {
    return;
  }
  picker.hidden = false;
  var map = L.map(picker.querySelector(".place-map"), { scrollWheelZoom: false });
  L.tileLayer(picker.dataset.tiles, { attribution: picker.dataset.attribution, maxZoom: 18 }).addTo(map);
  var marker = null;

  function read() {
    var lat = parseFloat(latitude.value.replace(",", "."));
    var lng = parseFloat(longitude.value.replace(",", "."));
    return isNaN(lat) || isNaN(lng) ? null : L.latLng(lat, lng);
  }

  function show(point, zoom) {
    if (marker) {
      marker.setLatLng(point);
    } else {
      marker = L.circleMarker(point, {
        radius: 9, color: "#ffffff", weight: 2, fillColor: "#0b4f8a", fillOpacity: 1
      }).addTo(map);
    }
    map.setView(point, zoom || Math.max(map.getZoom(), 15));
    status.textContent = picker.dataset.chosen + " " + point.lat.toFixed(5) + ", " + point.lng.toFixed(5);
  }

  function choose(point, zoom) {
    // Five decimals: about a metre, as the boxes store it.
    latitude.value = point.lat.toFixed(5);
    longitude.value = point.lng.toFixed(5);
    show(point, zoom);
  }

  var start = read();
  if (start) {
    show(start, 15);
  } else {
    map.setView([parseFloat(picker.dataset.lat), parseFloat(picker.dataset.lng)], parseInt(picker.dataset.zoom, 10));
  }
  map.on("click", function (event) { choose(event.latlng); });
  [latitude, longitude].forEach(function (box) {
    box.addEventListener("change", function () {
      var point = read();
      if (point) { show(point); }
    });
  });

  if (!("geolocation" in navigator)) {
    locate.hidden = true;
    return;
  }
  locate.addEventListener("click", function () {
    status.textContent = picker.dataset.locating;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        choose(L.latLng(position.coords.latitude, position.coords.longitude), 16);
      },
      function () { status.textContent = picker.dataset.failed; },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
    );
  });
})();
