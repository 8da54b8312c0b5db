/* The thanks page's "Copy the link": shown only where the browser can copy; the address stays selectable without it. */
(function () {
  'use strict';
  var button = document.querySelector('.gp-copy');
  var field = document.getElementById('share-url');
  if (!button || !field || !navigator.clipboard) { return; }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = button.getAttribute('data-copied');
    }, function () { field.select(); });
  });
})();
