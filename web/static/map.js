// The area map: draws the area's boundary and its children as vector shapes with Leaflet. No
// background tiles unless the server is configured with a tile URL, and no other outside requests.
// The element carries its data in attributes:
//   data-boundary-url   GeoJSON Feature of the area itself (may be empty)
//   data-children-url   GeoJSON FeatureCollection of the children, properties code and name (may be empty)
//   data-tile-url, data-tile-attribution   optional tile layer
// Clicking a child opens its page. The map is an enhancement: the page lists every child as a link,
// which is what keyboard and screen-reader users use.
(function () {
  'use strict';

  function fetchJson(url) {
    if (!url) return Promise.resolve(null);
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then(function (r) {
        if (!r.ok) throw new Error(url + ': ' + r.status);
        return r.json();
      });
  }

  var boundaryStyle = { color: '#073763', weight: 3, fill: false, interactive: false, className: 'wk-boundary' };
  var childStyle = { color: '#0b5394', weight: 1.5, fillColor: '#0b5394', fillOpacity: 0.12, className: 'wk-child' };
  var childHover = { weight: 3, fillOpacity: 0.3 };

  function draw(el) {
    var section = el.closest('.map-section');
    if (typeof window.L === 'undefined') return;  // Leaflet missing: the list of children remains
    if (section) section.hidden = false;
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
    Promise.all([fetchJson(el.getAttribute('data-boundary-url')), fetchJson(el.getAttribute('data-children-url'))])
      .then(function (parts) {
        var bounds = L.latLngBounds([]);
        if (parts[0]) {
          var outline = L.geoJSON(parts[0], { style: boundaryStyle }).addTo(map);
          bounds.extend(outline.getBounds());
        }
        if (parts[1] && parts[1].features && parts[1].features.length) {
          var children = L.geoJSON(parts[1], {
            style: childStyle,
            onEachFeature: function (feature, layer) {
              var p = feature.properties || {};
              layer.bindTooltip(p.name || p.code, { sticky: true, direction: 'top' });
              layer.on('click', function () { window.location.href = '/gebied/' + encodeURIComponent(p.code); });
              layer.on('mouseover', function () { layer.setStyle(childHover); });
              layer.on('mouseout', function () { layer.setStyle(childStyle); });
              layer.on('add', function () {
                var path = layer.getElement && layer.getElement();
                if (path) {
                  path.setAttribute('data-code', p.code || '');
                  path.setAttribute('data-name', p.name || '');
                }
              });
            }
          }).addTo(map);
          bounds.extend(children.getBounds());
        }
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
        else map.setView([52.1, 5.3], 7);
        el.setAttribute('data-ready', 'true');
      })
      .catch(function (err) {
        el.setAttribute('data-ready', 'error');
        if (section) section.hidden = true;
        if (window.console) window.console.warn('kaart:', err);
      });
  }

  function init() {
    var maps = document.querySelectorAll('[data-boundary-url], [data-children-url]');
    for (var i = 0; i < maps.length; i++) draw(maps[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
