// The area map: draws the area's boundary and its children as vector shapes with Leaflet. No
// background tiles unless the server is configured with a tile URL, and no other outside requests.
// The element carries its data in attributes:
//   data-boundary-url   GeoJSON Feature of the area itself (may be empty)
//   data-children-url   GeoJSON FeatureCollection of the children, properties code and name (may be empty)
//   data-tile-url, data-tile-attribution   optional tile layer
// Choropleth: the colours are NOT computed here. The server renders the table beside the map
// (#kaart-paneel, rows with data-code and data-colour, or data-missing) from the same classes as
// the legend; this script paints each shape with its row's colour, and hatches shapes whose value
// is missing. When htmx swaps the panel (another indicator, year or classification), the shapes
// are painted again from the new table. So map, legend and table cannot disagree (ADR 0012).
// Clicking a child opens its page. The map is an enhancement: the table lists every child as a link.
(function () {
  'use strict';

  var HATCH_ID = 'wk-ontbreekt';

  function fetchJson(url) {
    if (!url) return Promise.resolve(null);
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then(function (r) {
        if (!r.ok) throw new Error(url + ': ' + r.status);
        return r.json();
      });
  }

  var boundaryStyle = { color: '#1a1a1a', weight: 4, fill: false, interactive: false, className: 'wk-boundary' };
  var childStyle = { color: '#0b5394', weight: 1.5, fillColor: '#0b5394', fillOpacity: 0.12, className: 'wk-child' };

  // The hatch pattern for missing values, defined once in the SVG Leaflet draws into.
  function ensureHatch(map) {
    var svg = map.getPanes().overlayPane.querySelector('svg');
    if (!svg || svg.querySelector('#' + HATCH_ID)) return;
    var ns = 'http://www.w3.org/2000/svg';
    var defs = document.createElementNS(ns, 'defs');
    var pattern = document.createElementNS(ns, 'pattern');
    pattern.setAttribute('id', HATCH_ID);
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '8');
    pattern.setAttribute('height', '8');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    var back = document.createElementNS(ns, 'rect');
    back.setAttribute('width', '8');
    back.setAttribute('height', '8');
    back.setAttribute('fill', '#ffffff');
    var line = document.createElementNS(ns, 'rect');
    line.setAttribute('width', '3');
    line.setAttribute('height', '8');
    line.setAttribute('fill', '#6b6b6b');
    pattern.appendChild(back);
    pattern.appendChild(line);
    defs.appendChild(pattern);
    svg.insertBefore(defs, svg.firstChild);
  }

  // code -> {colour, missing, value, name} from the table beside the map; null without a panel.
  function readClasses() {
    var panel = document.getElementById('kaart-paneel');
    if (!panel) return null;
    var out = {};
    var rows = panel.querySelectorAll('tr[data-code]');
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      out[r.getAttribute('data-code')] = {
        colour: r.getAttribute('data-colour'),
        missing: r.getAttribute('data-missing') === 'true',
        value: r.getAttribute('data-value') || ''
      };
    }
    return { title: panel.getAttribute('data-title') || '', byCode: out };
  }

  function styleFor(classes, code) {
    if (!classes) return childStyle;
    var c = classes.byCode[code];
    if (!c) return childStyle;
    var fill = c.missing || !c.colour ? 'url(#' + HATCH_ID + ')' : c.colour;
    return { color: '#333333', weight: 1, fillColor: fill, fillOpacity: 0.9, className: 'wk-child' };
  }

  function paint(state) {
    var classes = readClasses();
    state.children.eachLayer(function (layer) {
      var p = layer.feature.properties || {};
      layer.setStyle(styleFor(classes, p.code));
      var c = classes && classes.byCode[p.code];
      layer.setTooltipContent((p.name || p.code) + (c ? ': ' + c.value : ''));
      var path = layer.getElement && layer.getElement();
      if (path) path.setAttribute('data-fill', c ? (c.missing ? 'ontbreekt' : c.colour || '') : '');
    });
    if (state.boundary) state.boundary.bringToFront();
    var status = document.getElementById('kaart-status');
    if (status && classes) status.textContent = 'De kaart toont: ' + classes.title + '.';
    state.el.setAttribute('data-painted', classes ? classes.title : '');
  }

  function draw(el) {
    if (typeof window.L === 'undefined') return;  // Leaflet missing: the table beside it remains
    el.hidden = false;
    var L = window.L;
    var map = L.map(el, {
      keyboard: true,            // arrow keys pan, +/- zoom when the map has focus
      scrollWheelZoom: false,    // scrolling the page should not zoom the map
      attributionControl: false,
      zoomSnap: 0.25
    });
    var tileUrl = el.getAttribute('data-tile-url');
    if (tileUrl) {
      L.control.attribution({ prefix: false }).addTo(map);
      L.tileLayer(tileUrl, { attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
    }
    var state = { el: el, map: map, children: null, boundary: null };
    Promise.all([fetchJson(el.getAttribute('data-boundary-url')), fetchJson(el.getAttribute('data-children-url'))])
      .then(function (parts) {
        var bounds = L.latLngBounds([]);
        var classes = readClasses();
        if (parts[1] && parts[1].features && parts[1].features.length) {
          state.children = L.geoJSON(parts[1], {
            style: function (feature) { return styleFor(classes, (feature.properties || {}).code); },
            onEachFeature: function (feature, layer) {
              var p = feature.properties || {};
              layer.bindTooltip(p.name || p.code, { sticky: true, direction: 'top' });
              layer.on('click', function () { window.location.href = '/gebied/' + encodeURIComponent(p.code); });
              layer.on('mouseover', function () { layer.setStyle({ weight: 3 }); });
              layer.on('mouseout', function () { layer.setStyle({ weight: classes ? 1 : 1.5 }); });
              layer.on('add', function () {
                var path = layer.getElement && layer.getElement();
                if (path) {
                  path.setAttribute('data-code', p.code || '');
                  path.setAttribute('data-name', p.name || '');
                }
              });
            }
          }).addTo(map);
          bounds.extend(state.children.getBounds());
        }
        if (parts[0]) {
          state.boundary = L.geoJSON(parts[0], { style: boundaryStyle }).addTo(map);
          if (!state.children) bounds.extend(state.boundary.getBounds());
        }
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
        else map.setView([52.1, 5.3], 7);
        // Leaflet creates the SVG paths once the map has a view: only now can they be marked.
        if (state.children) {
          ensureHatch(map);
          paint(state);
        }
        // The map shows the colours now; the table stays one click away ("Tabel bij de kaart").
        var details = document.querySelector('#kaart-paneel details.map-table');
        if (details && state.children) details.open = false;
        el.setAttribute('data-ready', 'true');
      })
      .catch(function (err) {
        el.setAttribute('data-ready', 'error');
        el.hidden = true;
        if (window.console) window.console.warn('kaart:', err);
      });

    // htmx replaced the panel: paint the shapes from the new table, keep the table as it was.
    document.body.addEventListener('htmx:afterSwap', function () {
      var details = document.querySelector('#kaart-paneel details.map-table');
      if (details && state.children) details.open = state.tableOpen === true;
      if (state.children) paint(state);
    });
    document.body.addEventListener('htmx:beforeSwap', function () {
      var details = document.querySelector('#kaart-paneel details.map-table');
      state.tableOpen = details ? details.open : false;
    });
  }

  function init() {
    var maps = document.querySelectorAll('[data-boundary-url], [data-children-url]');
    for (var i = 0; i < maps.length; i++) draw(maps[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
