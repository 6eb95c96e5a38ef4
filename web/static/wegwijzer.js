// The wegwijzer's "Afdrukken" button: shown only when JavaScript runs (without it, the browser's
// own print command works the same, with the same print stylesheet).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
});
