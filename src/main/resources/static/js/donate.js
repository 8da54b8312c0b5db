/*
 * The donate form's ask, progressively: the tab chosen shows its amounts and checks its preselected one, "Other"
 * opens its field, the impact line follows the amount, and the button says what will be charged ("Give 25 $ every
 * month"). Without this script every frequency's amounts are shown, the button says "Donate", and the form posts
 * the same fields. The words come from the page (data-give-* on the form, {0} for the amount).
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-give-once]');
  if (!form) { return; }
  form.classList.add('gp-js');
  var button = form.querySelector('[data-testid=donate]');
  var impact = form.querySelector('[data-testid=impact]');
  var other = form.querySelector('input[name=amount][value=custom]');
  var field = form.querySelector('input[name=customAmount]');

  function checked(name) {
    return form.querySelector('input[name="' + name + '"]:checked');
  }

  function interval() {
    var tab = checked('interval');
    return tab ? tab.value : 'once';
  }

  function showFrequency() {
    var every = interval();
    var current = null;
    Array.prototype.forEach.call(form.querySelectorAll('.gp-amounts'), function (group) {
      var shown = group.getAttribute('data-interval') === every;
      group.classList.toggle('gp-current', shown);
      if (shown) { current = group; }
    });
    var amount = checked('amount');
    if (current && amount !== other && (!amount || !current.contains(amount))) {
      var preselected = current.querySelector('input[data-preselected]') || current.querySelector('input');
      if (preselected) { preselected.checked = true; }
    }
  }

  function amountText() {
    var amount = checked('amount');
    if (!amount) { return null; }
    if (amount === other) {
      var typed = field.value.trim();
      return /^[0-9]+([.,][0-9]{1,2})?$/.test(typed)
        ? (field.getAttribute('data-before') || '') + typed
          + (field.getAttribute('data-after') ? '\u00a0' + field.getAttribute('data-after') : '')
        : null;
    }
    return amount.getAttribute('data-label');
  }

  function update() {
    var every = interval();
    var amount = amountText();
    var words = amount
      ? form.getAttribute('data-give-' + every).replace('{0}', amount)
      : form.getAttribute('data-give-' + every + '-plain');
    if (words) { button.textContent = words; }
    var chosen = checked('amount');
    impact.textContent = chosen && chosen !== other ? (chosen.getAttribute('data-impact') || '') : '';
    field.parentNode.hidden = chosen !== other;
  }

  form.addEventListener('change', function (event) {
    if (event.target.name === 'interval') { showFrequency(); }
    update();
    if (event.target === other) { field.focus(); }
  });
  field.addEventListener('input', function () {
    other.checked = true;
    update();
  });
  showFrequency();
  update();
})();
