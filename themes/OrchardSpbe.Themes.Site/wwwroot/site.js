// Optional comfort for the header menu; everything works without it (<details> is native).
// One dropdown open at a time, Escape closes it (focus back on its button), a click elsewhere closes it.
(function () {
  var nav = document.querySelector('.site-nav');
  if (!nav) return;
  function dropdowns() { return nav.querySelectorAll('.has-children > details[open]'); }
  nav.addEventListener('toggle', function (event) {
    var opened = event.target;
    if (!opened.open || !opened.parentElement || !opened.parentElement.classList.contains('has-children')) return;
    dropdowns().forEach(function (d) { if (d !== opened) d.open = false; });
  }, true);
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var open = dropdowns();
    open.forEach(function (d) {
      var hadFocus = d.contains(document.activeElement);
      d.open = false;
      if (hadFocus) d.querySelector('summary').focus();
    });
  });
  document.addEventListener('click', function (event) {
    dropdowns().forEach(function (d) { if (!d.contains(event.target)) d.open = false; });
  });
})();

// Search box suggestions: fills the input's <datalist> from /api/search/suggest as the reader types.
// Without script the box is a plain GET form to /search.
(function () {
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list) return;
    var timer = null, last = '';
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value;
        if (q === last || q.trim().length < 2) return;
        last = q;
        fetch(input.getAttribute('data-suggest') + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.textContent = '';
            items.forEach(function (text) { var o = document.createElement('option'); o.value = text; list.appendChild(o); });
          })
          .catch(function () { });
      }, 150);
    });
  });
})();
