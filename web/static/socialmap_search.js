// The social map's search page: the map of the results (Leaflet). The list on the page is the
// accessible alternative and holds everything the map shows; without JavaScript (or Leaflet) the
// map stays hidden. The element carries its data in attributes:
//   data-points          JSON [{n, lat, lon, name, href, party, address}]: a numbered marker each,
//                        with a popup (name as link, party, address, link to the list item)
//   data-point           "lat,lon" of "bij een punt", drawn with its radius (data-radius-m) if given
//   data-area-url        GeoJSON of the asked area, drawn as an outline
//   data-context-url     GeoJSON FeatureCollection (properties name) drawn lightly beneath, with
//                        names as tooltips: a place for the markers when there are no tiles
//   data-tile-url, data-tile-attribution   optional tile layer (no outside requests otherwise)
// Markers are keyboard-reachable (Tab, Enter opens the popup), each with a spoken name.
(function () {
  'use strict';

  function fetchShape(url) {
    if (!url) return Promise.resolve(null);
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  function parsePoints(el) {
    try {
      var points = JSON.parse(el.getAttribute('data-points') || '[]');
      return Array.isArray(points) ? points : [];
    } catch (e) {
      return [];
    }
  }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) node.className = className;
    return node;
  }

  // The popup as DOM nodes (never HTML from data).
  function popup(p) {
    var box = document.createElement('div');
    box.className = 'sm-popup';
    var title = document.createElement('p');
    var link = text('a', p.name);
    link.href = p.href;
    title.appendChild(text('strong', p.n + '. '));
    title.appendChild(link);
    box.appendChild(title);
    if (p.party) box.appendChild(text('p', p.party));
    if (p.address) box.appendChild(text('p', p.address));
    var toList = text('a', 'Naar nummer ' + p.n + ' in de lijst');
    toList.href = '#dienst-' + p.n;
    var last = document.createElement('p');
    last.appendChild(toList);
    box.appendChild(last);
    return box;
  }

  function draw(el) {
    if (typeof window.L === 'undefined') return;  // Leaflet missing: the list remains
    var L = window.L;
    var points = parsePoints(el);
    if (!points.length) return;
    el.hidden = false;
    var note = document.getElementById('zoekkaart-uitleg');
    if (note) note.hidden = false;
    var map = L.map(el, { keyboard: true, scrollWheelZoom: false, attributionControl: false, zoomSnap: 0.25 });
    var tileUrl = el.getAttribute('data-tile-url');
    if (tileUrl) {
      L.control.attribution({ prefix: false }).addTo(map);
      L.tileLayer(tileUrl, { attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
    }
    var bounds = L.latLngBounds([]);
    var markers = [];
    points.forEach(function (p) {
      var icon = L.divIcon({ className: 'sm-marker', html: String(p.n), iconSize: [26, 26], iconAnchor: [13, 13] });
      var marker = L.marker([p.lat, p.lon], { icon: icon, keyboard: true, title: p.n + '. ' + p.name })
        .bindPopup(popup(p));
      // The icon exists once the map has a view and the marker is on it: name it then.
      marker.on('add', function () {
        var node = marker.getElement();
        if (!node) return;
        node.setAttribute('aria-label', p.n + '. ' + p.name + (p.address ? ', ' + p.address : ''));
        node.setAttribute('data-n', String(p.n));
      });
      markers.push(marker);
      bounds.extend([p.lat, p.lon]);
    });
    var point = (el.getAttribute('data-point') || '').split(',');
    if (point.length === 2 && !isNaN(parseFloat(point[0])) && !isNaN(parseFloat(point[1]))) {
      var centre = [parseFloat(point[0]), parseFloat(point[1])];
      var radius = parseFloat(el.getAttribute('data-radius-m') || '');
      L.circleMarker(centre, { radius: 5, color: '#1a1a1a', weight: 2, fillOpacity: 1, interactive: false }).addTo(map);
      if (radius > 0) {
        var circle = L.circle(centre, { radius: radius, color: '#1a1a1a', weight: 1.5, dashArray: '4 4', fill: false,
          interactive: false }).addTo(map);
        bounds.extend(circle.getBounds());
      }
    }
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    else map.setView([52.1, 5.3], 7);
    markers.forEach(function (m) { m.addTo(map); });
    // The shapes are a help only: a failed request leaves the markers as they are.
    var context = fetchShape(el.getAttribute('data-context-url')).then(function (shape) {
      if (!shape) return;
      L.geoJSON(shape, {
        style: { color: '#6b7785', weight: 1, fillColor: '#ffffff', fillOpacity: 0.6, className: 'sm-context' },
        onEachFeature: function (feature, layer) {
          var name = (feature.properties || {}).name;
          if (name) layer.bindTooltip(name, { sticky: true, direction: 'top' });
        }
      }).addTo(map).bringToBack();
    });
    var area = fetchShape(el.getAttribute('data-area-url')).then(function (shape) {
      if (shape) {
        L.geoJSON(shape, { style: { color: '#0b5394', weight: 3, fill: false, interactive: false, className: 'sm-area' } })
          .addTo(map);
      }
    });
    Promise.all([context, area]).then(function () { el.setAttribute('data-ready', 'true'); });
  }

  function init() {
    var maps = document.querySelectorAll('.sm-map-results[data-points]');
    for (var i = 0; i < maps.length; i++) draw(maps[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
