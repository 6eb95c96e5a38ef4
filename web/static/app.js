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

// Long form submissions (imports): say that work is going on and prevent a second submit.
document.addEventListener('submit', function (ev) {
  var form = ev.target;
  var busy = form.getAttribute && form.getAttribute('data-busy');
  if (!busy) return;
  var button = form.querySelector('button[type=submit]');
  if (button) { button.disabled = true; }
  var note = document.createElement('p');
  note.setAttribute('role', 'status');
  note.className = 'busy';
  note.textContent = busy;
  form.appendChild(note);
});
