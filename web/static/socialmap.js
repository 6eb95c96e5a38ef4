// The social map's small maps and the location picker (Leaflet, no tiles unless configured, no
// outside requests). The pages work without it: every point is also listed as text, and the
// coordinates can be typed.
//   .sm-map[data-punten]   points [{lat, lon, name, href, address, party}] with a popup each, over
//                          the outlines of data-gebieden (GeoJSON URLs of areas)
//   .sm-map[data-kies]     the picker: outlines from data-gebieden-url (a FeatureCollection); a
//                          click fills the inputs named by data-lat-input / data-lon-input
// Also: the key-figure fields of the party form are shown only for kind "sleutelfiguur".
(function () {
  'use strict';

  function parse(el, name) {
    try { return JSON.parse(el.getAttribute(name) || '[]'); } catch (e) { return []; }
  }

  function fetchJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  var outlineStyle = { color: '#1a1a1a', weight: 2, fillColor: '#0b5394', fillOpacity: 0.06 };
  var pointStyle = { radius: 8, color: '#ffffff', weight: 2, fillColor: '#a4262c', fillOpacity: 1, className: 'sm-point' };

  function baseMap(el) {
    el.hidden = false;
    var L = window.L;
    var map = L.map(el, { keyboard: true, scrollWheelZoom: false, attributionControl: false, zoomSnap: 0.25 });
    var tileUrl = el.getAttribute('data-tile-url');
    if (tileUrl) {
      L.control.attribution({ prefix: false }).addTo(map);
      L.tileLayer(tileUrl, { attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
    }
    return map;
  }

  function popup(p) {
    var box = document.createElement('div');
    var a = document.createElement('a');
    a.href = p.href;
    a.textContent = p.name;
    box.appendChild(a);
    [p.party, p.address].forEach(function (line) {
      if (!line) return;
      var div = document.createElement('div');
      div.textContent = line;
      box.appendChild(div);
    });
    return box;
  }

  function drawPoints(el) {
    var L = window.L;
    var map = baseMap(el);
    var points = L.featureGroup();
    parse(el, 'data-punten').forEach(function (p) {
      L.circleMarker([p.lat, p.lon], pointStyle).bindPopup(popup(p)).bindTooltip(p.name).addTo(points);
    });
    var urls = parse(el, 'data-gebieden');
    Promise.all(urls.map(fetchJson)).then(function (shapes) {
      var bounds = L.latLngBounds([]);
      var outlines = [];
      shapes.forEach(function (shape) {
        if (!shape) return;
        var layer = L.geoJSON(shape, { style: outlineStyle, interactive: false });
        outlines.push(layer);
        bounds.extend(layer.getBounds());
      });
      if (points.getLayers().length) bounds.extend(points.getBounds());
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 17 });
      else map.setView([52.1, 5.3], 7);
      // Layers go on once the view is set (see picker).
      outlines.forEach(function (layer) { layer.addTo(map); });
      points.addTo(map);
      el.setAttribute('data-ready', 'true');
    });
  }

  function readNumber(input) {
    var v = parseFloat(String(input.value || '').trim().replace(',', '.'));
    return isFinite(v) ? v : null;
  }

  function writeNumber(v) {
    return v.toFixed(6).replace('.', ',');
  }

  function picker(el) {
    var L = window.L;
    var lat = document.getElementById(el.getAttribute('data-lat-input'));
    var lon = document.getElementById(el.getAttribute('data-lon-input'));
    if (!lat || !lon) return;
    var map = baseMap(el);
    var help = document.getElementById(el.id + '-uitleg');
    if (help) help.hidden = false;
    var status = document.getElementById(el.id + '-status');
    var marker = null;
    function place(latlng) {
      if (!marker) marker = L.circleMarker(latlng, pointStyle).addTo(map);
      else marker.setLatLng(latlng);
    }
    function typed() {
      var a = readNumber(lat);
      var b = readNumber(lon);
      return a === null || b === null ? null : L.latLng(a, b);
    }
    map.on('click', function (e) {
      place(e.latlng);
      lat.value = writeNumber(e.latlng.lat);
      lon.value = writeNumber(e.latlng.lng);
      el.setAttribute('data-picked', lat.value + ' ' + lon.value);
      if (status) status.textContent = 'Locatie gekozen: breedtegraad ' + lat.value + ', lengtegraad ' + lon.value + '.';
    });
    [lat, lon].forEach(function (input) {
      input.addEventListener('change', function () {
        var p = typed();
        if (p) { place(p); map.panTo(p); }
      });
    });
    var url = el.getAttribute('data-gebieden-url');
    (url ? fetchJson(url) : Promise.resolve(null)).then(function (shape) {
      var bounds = L.latLngBounds([]);
      var layer = null;
      if (shape) {
        layer = L.geoJSON(shape, {
          style: outlineStyle,
          onEachFeature: function (feature, l) {
            var props = feature.properties || {};
            if (props.name) l.bindTooltip(props.name, { sticky: true });
          }
        });
        bounds.extend(layer.getBounds());
      }
      var p = typed();
      if (p) bounds.extend(p);
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], maxZoom: 17 });
      else map.setView([52.1, 5.3], 7);
      // Layers go on once the view is set: a vector layer added before may fail to project.
      if (layer) layer.addTo(map);
      if (p) place(p);
      el.setAttribute('data-ready', 'true');
    });
  }

  function initMaps(root) {
    if (typeof window.L === 'undefined') return;  // Leaflet missing: the text remains
    var maps = root.querySelectorAll('.sm-map:not([data-started])');
    for (var i = 0; i < maps.length; i++) {
      var el = maps[i];
      el.setAttribute('data-started', 'true');
      if (el.hasAttribute('data-kies')) picker(el);
      else drawPoints(el);
    }
  }

  // The consent fields belong to a key figure only: hide them for the other kinds.
  function initKindSwitch() {
    var box = document.querySelector('[data-voor-soort]');
    if (!box) return;
    var form = box.closest('form');
    function sync() {
      var checked = form.querySelector('input[name="kind"]:checked');
      box.hidden = !(checked && checked.value === box.getAttribute('data-voor-soort'));
    }
    form.addEventListener('change', function (ev) {
      if (ev.target && ev.target.name === 'kind') sync();
    });
    // A form shown again with an error in these fields keeps them visible.
    if (!box.querySelector('[aria-invalid="true"]')) sync();
  }

  function init() {
    initMaps(document);
    initKindSwitch();
    // The area page swaps its tab panel with htmx: draw the maps that arrive.
    document.body.addEventListener('htmx:afterSettle', function (ev) { initMaps(ev.target || document); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
