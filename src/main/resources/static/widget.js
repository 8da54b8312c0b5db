/* Goalpost widget: <script src="https://HOST/widget.js" data-campaign="support" async></script>.
 * Options (data-locale, -refresh, -layout, -interval, -overlay, -placement), theming, the donate dialog and what it
 * counts (one view per load, a click per Donate; no cookie): docs/GUIDE.md#the-widget. */
(function () {
  'use strict';

  var STYLE = [
    ':host{display:block;min-width:280px;container-type:inline-size}',
    '.gp{font-family:var(--goalpost-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--goalpost-text,#1f2937);padding:.5rem .75rem}',
    '.title{font-weight:700;margin:0 0 .75rem;font-size:1rem}',
    '.test{display:inline-block;font-size:.7rem;font-weight:700;color:#92400e;background:#fef3c7;padding:0 .35rem;border-radius:.25rem;margin-bottom:.5rem}',
    '.bar{position:relative;height:.75rem;margin:0 .5rem;background:var(--goalpost-track,#e5e7eb);border-radius:999px}',
    '.fill{position:absolute;top:0;bottom:0;left:0;background:var(--goalpost-accent,var(--gp-c,#c2410c));border-radius:999px}',
    '.tick{position:absolute;top:-.25rem;width:2px;height:1.25rem;margin-left:-1px;background:var(--goalpost-muted,#6b7280)}',
    '.tick.reached{background:var(--goalpost-accent,var(--gp-c,#c2410c))}',
    '.markers{position:relative;list-style:none;margin:.35rem .5rem 0;padding:0;height:2.5rem}',
    '.marker{position:absolute;top:0;transform:translateX(-50%);text-align:center;font-size:.8rem;white-space:nowrap;color:var(--goalpost-muted,#6b7280)}',
    '.marker.start{transform:none;text-align:left}',
    '.marker.end{transform:translateX(-100%);text-align:right}',
    '.marker.reached{color:var(--goalpost-accent,var(--gp-c,#c2410c));font-weight:600}',
    '.marker small{display:block;font-size:.7rem}',
    '.foot{display:flex;align-items:center;justify-content:space-between;gap:.75rem;flex-wrap:wrap;margin-top:.25rem}',
    '.raised{margin:0;font-size:1.15rem}.raised strong{white-space:nowrap}.ends{margin:.25rem 0 0;font-size:.85rem}',
    '.donate{display:inline-flex;align-items:center;min-height:44px;box-sizing:border-box;background:var(--goalpost-accent,var(--gp-c,#c2410c));color:#fff;text-decoration:none;font-weight:700;padding:.5rem 1.1rem;border-radius:.5rem}',
    '.donate:focus-visible{outline:3px solid var(--goalpost-text,#1f2937);outline-offset:2px}',
    '@container (max-width: 380px){.marker small{display:none}.raised{font-size:1rem}}',
    '.compact{display:flex;align-items:center;gap:.75rem;flex-wrap:wrap}.compact .bar{flex:1 1 8rem;margin:0}',
    '.compact .raised{font-size:1rem}',
    'dialog{--gp-a:var(--goalpost-accent,var(--gp-c,#c2410c));border:0;border-radius:.75rem;padding:1rem 1.1rem;width:min(26rem,calc(100vw - 1.5rem));max-height:calc(100vh - 1.5rem);box-sizing:border-box;font-family:var(--goalpost-font,system-ui,sans-serif);color:var(--goalpost-text,#1f2937)}',
    'dialog::backdrop{background:rgba(17,24,39,.6)}',
    '.head{display:flex;justify-content:space-between;align-items:start;gap:.5rem}.head h2{margin:0;font-size:1.15rem}',
    '.close{min-width:44px;min-height:44px;border:0;background:none;font-size:1.5rem;line-height:1;cursor:pointer;color:inherit;border-radius:.5rem}',
    'fieldset{border:0;margin:.75rem 0 0;padding:0;min-width:0}legend{font-weight:600;padding:0;margin-bottom:.35rem}',
    '.tabs,.amounts{display:grid;grid-template-columns:repeat(3,1fr);gap:.4rem}',
    '.opt{position:relative;display:block}.opt input{position:absolute;inset:0;opacity:0;margin:0;cursor:pointer}',
    '.opt span{display:flex;align-items:center;justify-content:center;min-height:44px;border:2px solid var(--gp-a);border-radius:.5rem;font-weight:700;color:var(--gp-a);text-align:center;padding:0 .25rem}',
    '.opt input:checked+span{background:var(--gp-a);color:#fff}',
    '.opt input:focus-visible+span,.close:focus-visible,.give:focus-visible,.other input:focus-visible{outline:3px solid var(--goalpost-text,#1f2937);outline-offset:2px}',
    '.other{display:flex;align-items:center;gap:.35rem;margin-top:.5rem}.other input{min-height:44px;width:7rem;font:inherit;padding:0 .5rem;box-sizing:border-box}',
    '.impact{font-weight:600;margin:.6rem 0 0;min-height:1.2em}.error{color:#b91c1c;font-weight:600;margin:.5rem 0 0}',
    '.give{display:block;width:100%;margin-top:.9rem;min-height:48px;border:0;border-radius:.5rem;background:var(--gp-a);color:#fff;font:inherit;font-weight:700;font-size:1.05rem;cursor:pointer}',
    '.give[disabled]{opacity:.7;cursor:progress}.note{font-size:.8rem;margin:.5rem 0 0;color:var(--goalpost-muted,#4b5563)}',
    '@media (prefers-reduced-motion: reduce){*{transition:none!important;animation:none!important}}'
  ].join('');

  function digitsOf(currency) {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency }).resolvedOptions().maximumFractionDigits;
  }

  function formatter(data, locale) {
    var digits = digitsOf(data.currency);
    var unit = Math.pow(10, digits);
    var symbol = new Intl.NumberFormat('en-US', { style: 'currency', currency: data.currency }).formatToParts(0)
      .filter(function (p) { return p.type === 'currency'; })[0].value;
    return function (minor) {
      var whole = minor % unit === 0;
      var options = { minimumFractionDigits: whole ? 0 : digits, maximumFractionDigits: whole ? 0 : digits };
      if (data.amountStyle === 'symbol-after') {
        return new Intl.NumberFormat(locale, options).format(minor / unit) + '\u00a0' + symbol;
      }
      options.style = 'currency';
      options.currency = data.currency;
      return new Intl.NumberFormat(locale, options).format(minor / unit);
    };
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /**
   * The widget's words, in English and German; other languages get English words and their own number format.
   * Per goal type: the figure ({0}), the words after it, and the bar in words.
   */
  var WORDS = {
    en: { raised: ['{0}', 'raised', '{0} raised of {1}'],
      recurring: ['{0} / month', 'in recurring support', '{0} a month of {1} a month'],
      donors: ['{0}', 'donors', '{0} of {1} donors'], donor: 'donor',
      ends: function (days) { return days > 1 ? 'Ends in ' + days + ' days' : days === 1 ? 'Ends in 1 day' : 'Ends within a day'; },
      ended: 'This campaign has ended.', donate: 'Donate', test: 'TEST MODE',
      give: 'Give', how: 'How often', tab: { once: 'Once', month: 'Monthly', year: 'Yearly' },
      amount: 'Amount', other: 'Other', otherLabel: 'Other amount', close: 'Close',
      say: { once: 'Give {0} once', month: 'Give {0} every month', year: 'Give {0} every year' },
      plain: { once: 'Give once', month: 'Give every month', year: 'Give every year' },
      range: 'Give from {0} to {1}.', failed: 'The payment page could not be opened. Please try again.',
      note: 'You pay on a secure payment page.' },
    de: { raised: ['{0}', 'gesammelt', '{0} von {1} gesammelt'],
      recurring: ['{0} / Monat', 'regelmäßige Unterstützung', '{0} im Monat von {1} im Monat'],
      donors: ['{0}', 'Unterstützende', '{0} von {1} Unterstützenden'], donor: 'Unterstützende Person',
      ends: function (days) { return days > 1 ? 'Endet in ' + days + ' Tagen' : days === 1 ? 'Endet in 1 Tag' : 'Endet innerhalb eines Tages'; },
      ended: 'Diese Kampagne ist beendet.', donate: 'Spenden', test: 'TESTMODUS',
      give: 'Spenden', how: 'Wie oft', tab: { once: 'Einmalig', month: 'Monatlich', year: 'Jährlich' },
      amount: 'Betrag', other: 'Anderer', otherLabel: 'Anderer Betrag', close: 'Schließen',
      say: { once: '{0} einmalig spenden', month: '{0} jeden Monat spenden', year: '{0} jedes Jahr spenden' },
      plain: { once: 'Einmalig spenden', month: 'Jeden Monat spenden', year: 'Jedes Jahr spenden' },
      range: 'Bitte zwischen {0} und {1} spenden.', failed: 'Die Zahlungsseite ließ sich nicht öffnen. Bitte versuchen Sie es noch einmal.',
      note: 'Sie zahlen auf einer sicheren Zahlungsseite.' }
  };

  function fill(pattern, a, b) {
    return pattern.replace('{0}', a).replace('{1}', b);
  }

  function words(locale) {
    var language = String(locale || 'en').toLowerCase().split('-')[0];
    return WORDS[language] ? { language: language, text: WORDS[language] } : { language: 'en', text: WORDS.en };
  }

  function filled(width) {
    var node = el('div', { 'class': 'fill' });
    node.style.width = width;
    return node;
  }

  function percent(amount, goal) {
    var share = Math.max(0, Math.min(amount, goal)) / goal;
    return (Math.round(share * 10000) / 100) + '%';
  }

  /** Minor units of a typed amount ("12", "12.50", "12,5"), or null. */
  function typedMinor(text, digits) {
    var m = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text || '');
    if (!m || (m[2] && m[2].length > digits)) { return null; }
    var fraction = (m[2] || '').padEnd(digits, '0');
    return parseInt(m[1], 10) * Math.pow(10, digits) + (digits ? parseInt(fraction || '0', 10) : 0);
  }

  function radio(name, value, text, checked) {
    var label = el('label', { 'class': 'opt' });
    var input = el('input', { type: 'radio', name: name, value: value });
    input.checked = checked;
    label.appendChild(input);
    label.appendChild(el('span', {}, text));
    return label;
  }

  /**
   * The donate dialog: the ask of the campaign's JSON, posted to the checkout API; the browser then goes to the
   * payment page. Native <dialog> as a modal: the page behind is inert, Esc closes, focus returns to the button.
   */
  function openDialog(root, data, base, locale, say, options, opener) {
    var interval = options.interval;
    var ask = data.ask;
    var variant = (ask.variants || []).filter(function (v) { return v.key === options.variant; })[0];
    if (variant) {
      ask = { headline: variant.headline, defaultInterval: variant.defaultInterval, amounts: variant.amounts,
        minimumMinor: ask.minimumMinor, maximumMinor: ask.maximumMinor };
    }
    var money = formatter(data, locale);
    var digits = digitsOf(data.currency);
    var dialog = el('dialog', { 'aria-modal': 'true', 'aria-labelledby': 'gp-dialog-title', 'class': 'ask' });
    var head = el('div', { 'class': 'head' });
    head.appendChild(el('h2', { id: 'gp-dialog-title' }, ask.headline || data.title));
    var close = el('button', { type: 'button', 'class': 'close', 'aria-label': say.text.close }, '\u00d7');
    head.appendChild(close);
    dialog.appendChild(head);
    if (data.mode === 'test') { dialog.appendChild(el('span', { 'class': 'test' }, say.text.test)); }
    var form = el('form', { novalidate: '' });
    var tabs = el('fieldset');
    tabs.appendChild(el('legend', {}, say.text.how));
    var tabRow = el('div', { 'class': 'tabs' });
    var first = /^(once|month|year)$/.test(interval || '') ? interval : (ask.defaultInterval || 'once');
    ['once', 'month', 'year'].sort(function (a, b) { return (b === first) - (a === first); }).forEach(function (word) {
      tabRow.appendChild(radio('interval', word, say.text.tab[word], word === first));
    });
    tabs.appendChild(tabRow);
    form.appendChild(tabs);
    var amounts = el('fieldset');
    amounts.appendChild(el('legend', {}, say.text.amount));
    var amountRow = el('div', { 'class': 'amounts' });
    amounts.appendChild(amountRow);
    var other = el('div', { 'class': 'other' });
    var otherChoice = radio('amount', 'other', say.text.other, false);
    otherChoice.style.flex = '0 0 6.5rem';
    var field = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-label': say.text.otherLabel });
    var sample = money(0).split('0');
    other.appendChild(otherChoice);
    if (sample[0].trim()) { other.appendChild(el('span', { 'aria-hidden': 'true' }, sample[0].trim())); }
    other.appendChild(field);
    if (sample[sample.length - 1].trim()) {
      other.appendChild(el('span', { 'aria-hidden': 'true' }, sample[sample.length - 1].trim()));
    }
    amounts.appendChild(other);
    form.appendChild(amounts);
    var impact = el('p', { 'class': 'impact', 'aria-live': 'polite' });
    var error = el('p', { 'class': 'error', role: 'alert' });
    var give = el('button', { type: 'submit', 'class': 'give' });
    form.appendChild(impact);
    form.appendChild(error);
    form.appendChild(give);
    form.appendChild(el('p', { 'class': 'note' }, say.text.note));
    dialog.appendChild(form);
    var key = 'gp-' + Date.now().toString(36) + Math.random().toString(36).slice(2);

    function every() { return form.querySelector('input[name=interval]:checked').value; }
    function chosen() { return form.querySelector('input[name=amount]:checked'); }
    function minor() {
      var c = chosen();
      if (!c) { return null; }
      return c.value === 'other' ? typedMinor(field.value, digits) : parseInt(c.value, 10);
    }
    function showAmounts() {
      var list = ask.amounts[every()] || [];
      amountRow.replaceChildren();
      list.forEach(function (a) {
        var option = radio('amount', String(a.amountMinor), money(a.amountMinor), a.preselected);
        option.firstChild.setAttribute('data-impact', a.impact || '');
        amountRow.appendChild(option);
      });
      if (!list.length) { otherChoice.firstChild.checked = true; }
    }
    function update() {
      var c = chosen();
      var amount = minor();
      field.hidden = !(c && c.value === 'other');
      Array.prototype.forEach.call(other.querySelectorAll('span[aria-hidden]'), function (x) { x.hidden = field.hidden; });
      impact.textContent = c && c.value !== 'other' ? (c.getAttribute('data-impact') || '') : '';
      give.textContent = amount ? say.text.say[every()].replace('{0}', money(amount)) : say.text.plain[every()];
    }
    form.addEventListener('change', function (event) {
      if (event.target.name === 'interval') { showAmounts(); }
      error.textContent = '';
      update();
      if (event.target === otherChoice.firstChild) { field.focus(); }
    });
    field.addEventListener('input', function () { otherChoice.firstChild.checked = true; update(); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var amount = minor();
      if (!amount || amount < ask.minimumMinor || amount > ask.maximumMinor) {
        error.textContent = fill(say.text.range, money(ask.minimumMinor), money(ask.maximumMinor));
        return;
      }
      give.disabled = true;
      fetch(base + '/api/campaigns/' + encodeURIComponent(data.slug) + '/checkout', {
        method: 'POST', mode: 'cors', credentials: 'omit',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ amountMinor: amount, interval: every(),
          attribution: { page: location.href, placement: options.placement, variant: options.variant } })
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        if (!answer.ok || !answer.body.checkoutUrl) {
          throw new Error(answer.body && (answer.body.detail || answer.body.title) || 'failed');
        }
        window.location.assign(answer.body.checkoutUrl);
      }).catch(function (problem) {
        give.disabled = false;
        error.textContent = problem && problem.message && problem.message !== 'failed'
          && say.language === 'en' ? problem.message : say.text.failed;
      });
    });
    // the focus stays in the dialog: past its last control it comes back to its first, and the other way round
    dialog.addEventListener('keydown', function (event) {
      if (event.key !== 'Tab') { return; }
      var stops = Array.prototype.filter.call(dialog.querySelectorAll('button, input'), function (node) {
        return !node.disabled && node.offsetParent !== null && (node.type !== 'radio' || node.checked);
      });
      var at = stops.indexOf(root.activeElement);
      if (event.shiftKey && at <= 0) { event.preventDefault(); stops[stops.length - 1].focus(); }
      if (!event.shiftKey && at === stops.length - 1) { event.preventDefault(); stops[0].focus(); }
    });
    close.addEventListener('click', function () { dialog.close(); });
    dialog.addEventListener('close', function () { dialog.remove(); opener.focus(); });
    dialog.addEventListener('click', function (event) { if (event.target === dialog) { dialog.close(); } });
    showAmounts();
    update();
    root.appendChild(dialog);
    dialog.showModal();
    var preselected = form.querySelector('input[name=amount]:checked');
    (preselected || close).focus();
  }

  /** One view or click, counted by the campaign's server: the page's address and the placement, nothing else. */
  function beacon(base, slug, options, event) {
    var body = JSON.stringify({ page: location.href, placement: options.placement, variant: options.variant,
      event: event });
    var url = base + '/api/campaigns/' + encodeURIComponent(slug) + '/views';
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(url, body)) { return; }
      fetch(url, { method: 'POST', mode: 'cors', credentials: 'omit', keepalive: true, body: body });
    } catch (e) { /* counting never breaks the widget */ }
  }

  function render(root, data, base, locale, options) {
    var interval = options.interval;
    var compact = options.layout === 'compact';
    var type = data.goalType || 'raised';
    var shown = data.progress === undefined ? data.raisedMinor : data.progress;
    var money = type === 'donors' ? function (n) { return new Intl.NumberFormat(locale).format(n); } : formatter(data, locale);
    var say = words(locale);
    var texts = say.text[type] || say.text.raised;
    var raised = money(shown);
    var goal = money(data.goalMinor);
    var box = el('div', { 'class': 'gp' + (compact ? ' compact' : ''), part: 'box' });
    // the campaign's accent colour, unless the site sets --goalpost-accent (the site's design wins)
    if (data.ask && data.ask.accent) { root.host.style.setProperty('--gp-c', data.ask.accent); }
    if (!compact) { box.appendChild(el('p', { 'class': 'title' }, data.title)); }
    if (data.mode === 'test') {
      box.appendChild(el('span', { 'class': 'test' }, say.text.test));
    }
    var bar = el('div', {
      'class': 'bar', role: 'progressbar', 'aria-label': data.title, 'aria-valuemin': '0',
      'aria-valuemax': String(data.goalMinor), 'aria-valuenow': String(Math.max(0, shown)),
      'aria-valuetext': fill(texts[2], raised, goal)
    });
    bar.appendChild(filled(percent(shown, data.goalMinor)));
    var markers = el('ol', { 'class': 'markers', 'aria-hidden': 'true' });
    var points = [{ amountMinor: 0, label: null, reached: true, start: true }].concat(data.tiers);
    points.forEach(function (tier, index) {
      var left = percent(tier.amountMinor, data.goalMinor);
      var tick = el('span', { 'class': 'tick' + (tier.reached ? ' reached' : ''), 'data-amount-minor': String(tier.amountMinor) });
      tick.style.left = left;
      bar.appendChild(tick);
      var classes = 'marker' + (tier.start ? ' start' : '') + (index === points.length - 1 ? ' end' : '')
        + (tier.reached && !tier.start ? ' reached' : '');
      var marker = el('li', { 'class': classes, 'data-amount-minor': String(tier.amountMinor) }, money(tier.amountMinor));
      if (tier.label) { marker.appendChild(el('small', {}, tier.label)); }
      marker.style.left = left;
      markers.appendChild(marker);
    });
    box.appendChild(bar);
    if (!compact) { box.appendChild(markers); }
    var foot = compact ? box : el('div', { 'class': 'foot' });
    var line = el('p', { 'class': 'raised' });
    line.appendChild(el('strong', {}, fill(texts[0], raised)));
    line.appendChild(document.createTextNode(' ' + (type === 'donors' && shown === 1 ? say.text.donor : texts[1])));
    foot.appendChild(line);

    var over = data.ended || (data.endsAt && Date.parse(data.endsAt) <= Date.now());
    if (!over) {
      var page = base + '/campaigns/' + encodeURIComponent(data.slug) + '?lang=' + say.language
        + (interval ? '&interval=' + interval : '')
        + '&placement=' + encodeURIComponent(options.placement) + '&page=' + encodeURIComponent(location.href)
        + (options.variant ? '&variant=' + encodeURIComponent(options.variant) : '');
      var donate = el('a', { 'class': 'donate', href: page, target: '_blank', rel: 'noopener' }, say.text.donate);
      if (options.overlay && data.ask && typeof HTMLDialogElement === 'function') {
        donate.setAttribute('aria-haspopup', 'dialog');
        donate.addEventListener('click', function (event) {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
          event.preventDefault();
          beacon(base, data.slug, options, 'click');
          openDialog(root, data, base, locale, say, options, donate);
        });
      }
      foot.appendChild(donate);
    }
    if (!compact) { box.appendChild(foot); }
    if (over || data.endsAt) {
      var days = Math.floor((Date.parse(data.endsAt) - Date.now()) / 86400000);
      box.appendChild(el('p', { 'class': 'ends' }, over ? say.text.ended : say.text.ends(days)));
    }
    var open = root.querySelector('dialog');
    root.replaceChildren(el('style', {}, STYLE), box);
    if (open) { root.appendChild(open); }
  }

  function mount(script) {
    if (script.getAttribute('data-goalpost-mounted')) { return; }
    script.setAttribute('data-goalpost-mounted', 'true');
    var slug = script.getAttribute('data-campaign');
    var base = new URL(script.src, document.baseURI).origin;
    var locale = script.getAttribute('data-locale') || navigator.language || 'en-US';
    var refresh = parseInt(script.getAttribute('data-refresh') || '60', 10);
    // data-interval="month" (or once, year): the donate link opens the form with that frequency chosen
    var interval = /^(once|month|year)$/.test(script.getAttribute('data-interval') || '')
      ? script.getAttribute('data-interval') : null;
    var options = {
      interval: interval,
      layout: script.getAttribute('data-layout') === 'compact' ? 'compact' : 'full',
      overlay: script.getAttribute('data-overlay') !== 'off',
      placement: /^[A-Za-z0-9_.-]{1,64}$/.test(script.getAttribute('data-placement') || '')
        ? script.getAttribute('data-placement') : 'default'
    };
    var counted = false;
    var host = document.createElement('div');
    host.className = 'goalpost-widget';
    host.setAttribute('data-campaign', slug);
    script.parentNode.insertBefore(host, script);
    var root = host.attachShadow({ mode: 'open' });
    var url = base + '/api/campaigns/' + encodeURIComponent(slug);
    function load() {
      fetch(url, { mode: 'cors', credentials: 'omit' })
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
        .then(function (data) {
          // a running experiment: one variant per page view, at random by share, the same in every box of the page
          var variants = (data.ask && data.ask.variants) || [];
          var shown = window.goalpostVariants = window.goalpostVariants || {};
          if (options.variant === undefined) {
            var roll = Math.random() * 100;
            options.variant = shown[url] !== undefined ? shown[url] : null;
            variants.forEach(function (v) { if (shown[url] === undefined && options.variant === null && (roll -= v.sharePercent) < 0) { options.variant = v.key; } });
            if (options.variant === null && variants.length) { options.variant = variants[variants.length - 1].key; }
            shown[url] = options.variant;
          }
          render(root, data, base, locale, options);
          if (!counted) { counted = true; beacon(base, slug, options, 'view'); }
        })
        .catch(function () { /* keep what is shown; the next refresh tries again */ });
    }
    load();
    if (refresh > 0) { setInterval(load, refresh * 1000); }
  }

  var current = document.currentScript;
  if (current && current.getAttribute('data-campaign')) {
    mount(current);
  } else {
    Array.prototype.forEach.call(document.querySelectorAll('script[data-campaign][src*="widget.js"]'), mount);
  }
})();
