/*
 * The donate form's button says what will be charged, as the reader chooses: "Give 25 $ every month".
 * Progressive: without this script the button says "Donate" and the form works the same. The words
 * come from the page (data-give-* on the form, {0} for the amount), so they follow its language.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-give-once]');
  if (!form) { return; }
  var button = form.querySelector('[data-testid=donate]');

  function checked(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input : null;
  }

  function amountText() {
    var amount = checked('amount');
    if (!amount || amount.value === 'custom') { return null; }
    var label = amount.parentNode.querySelector('span');
    return label ? label.textContent.trim() : null;
  }

  function update() {
    var interval = checked('interval');
    var every = interval ? interval.value : 'once';
    var amount = amountText();
    var words = amount
      ? form.getAttribute('data-give-' + every).replace('{0}', amount)
      : form.getAttribute('data-give-' + every + '-plain');
    if (words) { button.textContent = words; }
  }

  form.addEventListener('change', update);
  update();
})();
