// Wijkkompas page scripts. No inline scripts anywhere (the CSP forbids them): pages mark elements
// with data- attributes and this file wires them up.
(function () {
  'use strict';
  // Confirm dangerous actions: <button data-confirm="Weet u het zeker?">.
  document.addEventListener('click', function (ev) {
    var el = ev.target.closest('[data-confirm]');
    if (el && !window.confirm(el.getAttribute('data-confirm'))) ev.preventDefault();
  });
})();
