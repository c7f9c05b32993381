// Statistics admin comforts (every page works without them): arrow keys and Enter move through the value grid,
// the import page follows its job's progress, the reprimand list prints.
(function () {
  'use strict';
  var grid = document.querySelector('[data-grid]');
  if (grid) {
    grid.addEventListener('keydown', function (event) {
      var input = event.target;
      if (input.tagName !== 'INPUT') return;
      var cell = input.closest('td'), row = cell.parentElement;
      var column = Array.prototype.indexOf.call(row.children, cell);
      var target = null;
      if (event.key === 'ArrowRight' && input.selectionStart === input.value.length) target = cell.nextElementSibling;
      else if (event.key === 'ArrowLeft' && input.selectionStart === 0) target = cell.previousElementSibling;
      else if (event.key === 'ArrowDown' || event.key === 'Enter') target = row.nextElementSibling && row.nextElementSibling.children[column];
      else if (event.key === 'ArrowUp') target = row.previousElementSibling && row.previousElementSibling.children[column];
      var next = target && target.querySelector('input');
      if (next) { event.preventDefault(); next.focus(); next.select(); }
    });
  }

  var job = document.querySelector('[data-import-status]');
  if (job && (job.dataset.state === 'memeriksa' || job.dataset.state === 'menulis')) {
    var bar = job.querySelector('progress'), rows = job.querySelector('.import-rows');
    var poll = function () {
      fetch(job.dataset.importStatus, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          bar.value = Math.round(s.fraction * 100);
          bar.textContent = bar.value + '%';
          rows.textContent = s.rows.toLocaleString('id-ID');
          if (s.state === 'memeriksa' || s.state === 'menulis') setTimeout(poll, 500); else window.location.reload();
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 300);
  }

  // A file over the limit is refused before it travels (the server refuses it too).
  var upload = document.querySelector('input[type=file][data-max-bytes]');
  if (upload) {
    upload.addEventListener('change', function () {
      var tooLarge = upload.files.length > 0 && upload.files[0].size > Number(upload.dataset.maxBytes);
      upload.setCustomValidity(tooLarge ? upload.dataset.tooLarge : '');
      upload.reportValidity();
    });
  }

  var print = document.querySelector('[data-print]');
  if (print) print.addEventListener('click', function () { window.print(); });
})();
