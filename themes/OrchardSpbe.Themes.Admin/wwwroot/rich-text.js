// Turns an HTML body field (textarea[data-rich-text="html"]) into a Trix rich-text editor. The form still posts
// the same field name with HTML, which the server sanitises; without JavaScript the plain field remains.
(function () {
  // The toolbar's labels and tooltips in the page's language: Trix reads them when it builds a toolbar.
  function localise(area) {
    var labels = area.getAttribute('data-rich-text-labels');
    if (!labels || !window.Trix || !window.Trix.config || !window.Trix.config.lang) return;
    try {
      var parsed = JSON.parse(labels);
      Object.keys(parsed).forEach(function (key) { window.Trix.config.lang[key] = parsed[key]; });
    } catch (e) { /* keep Trix's own labels */ }
  }

  function enhance(area) {
    localise(area);
    var input = document.createElement('input');
    input.type = 'hidden';
    input.name = area.name;
    input.id = area.id + '-value';
    input.value = area.value;

    var editor = document.createElement('trix-editor');
    editor.setAttribute('input', input.id);
    editor.className = 'rich-text';
    var label = document.querySelector('label[for="' + area.id + '"]');
    if (label) editor.setAttribute('aria-label', label.textContent.trim());
    if (area.getAttribute('aria-describedby')) editor.setAttribute('aria-describedby', area.getAttribute('aria-describedby'));
    var id = area.id;
    area.removeAttribute('id');
    editor.id = id;

    area.parentNode.insertBefore(input, area);
    area.parentNode.insertBefore(editor, area);
    area.parentNode.removeChild(area);
  }

  // Images belong in the media library (checked, resized, with alt text), not pasted into the body.
  document.addEventListener('trix-file-accept', function (event) { event.preventDefault(); });

  // Trix defines its element as the document finishes loading; enhance once it exists (never, if it failed to load).
  if (window.customElements) {
    customElements.whenDefined('trix-editor').then(function () {
      document.querySelectorAll('textarea[data-rich-text="html"]').forEach(enhance);
    });
  }
})();
