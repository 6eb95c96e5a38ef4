// The mapping step of the spreadsheet import: while checking or importing runs, say so and
// prevent a second submit. Downloading the mapping file leaves the page as it is, so that button
// gets no note (the general data-busy of app.js would keep the form disabled after a download).
document.addEventListener('submit', function (ev) {
  var form = ev.target;
  if (!form.classList || !form.classList.contains('socialmap-mapping')) return;
  var button = ev.submitter;
  var note = button && button.getAttribute('data-busy-note');
  if (!note) return;
  // Disabled after the form data is taken: a disabled submitter would not send its action.
  window.setTimeout(function () {
    form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
  }, 0);
  var status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.className = 'busy';
  status.textContent = note;
  form.appendChild(status);
});
