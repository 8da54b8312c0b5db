/*
 * Goalpost progress widget. Embed with one line:
 *   <script src="https://HOST/widget.js" data-campaign="support" async></script>
 * Optional: data-locale="de-DE" (language of the words, English or German, and number format;
 * default: the reader's browser), data-refresh="60"
 * (seconds between refreshes, 0 for none). Colours and font follow CSS custom properties set on the
 * page: --goalpost-accent, --goalpost-track, --goalpost-text, --goalpost-muted, --goalpost-font.
 * Everything renders inside a shadow root: no CSS leaks in or out. Only aggregates are fetched.
 */
(function () {
  'use strict';

  var STYLE = [
    ':host{display:block;min-width:280px;container-type:inline-size}',
    '.gp{font-family:var(--goalpost-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--goalpost-text,#1f2937);padding:.5rem .75rem}',
    '.title{font-weight:700;margin:0 0 .75rem;font-size:1rem}',
    '.test{display:inline-block;font-size:.7rem;font-weight:700;color:#92400e;background:#fef3c7;padding:0 .35rem;border-radius:.25rem;margin-bottom:.5rem}',
    '.bar{position:relative;height:.75rem;margin:0 .5rem;background:var(--goalpost-track,#e5e7eb);border-radius:999px}',
    '.fill{position:absolute;top:0;bottom:0;left:0;background:var(--goalpost-accent,#c2410c);border-radius:999px}',
    '.tick{position:absolute;top:-.25rem;width:2px;height:1.25rem;margin-left:-1px;background:var(--goalpost-muted,#6b7280)}',
    '.tick.reached{background:var(--goalpost-accent,#c2410c)}',
    '.markers{position:relative;list-style:none;margin:.35rem .5rem 0;padding:0;height:2.5rem}',
    '.marker{position:absolute;top:0;transform:translateX(-50%);text-align:center;font-size:.8rem;white-space:nowrap;color:var(--goalpost-muted,#6b7280)}',
    '.marker.start{transform:none;text-align:left}',
    '.marker.end{transform:translateX(-100%);text-align:right}',
    '.marker.reached{color:var(--goalpost-accent,#c2410c);font-weight:600}',
    '.marker small{display:block;font-size:.7rem}',
    '.foot{display:flex;align-items:center;justify-content:space-between;gap:.75rem;flex-wrap:wrap;margin-top:.25rem}',
    '.raised{margin:0;font-size:1.15rem}.raised strong{white-space:nowrap}.ends{margin:.25rem 0 0;font-size:.85rem}',
    '.donate{display:inline-block;background:var(--goalpost-accent,#c2410c);color:#fff;text-decoration:none;font-weight:700;padding:.5rem 1.1rem;border-radius:.5rem}',
    '.donate:focus-visible{outline:3px solid var(--goalpost-text,#1f2937);outline-offset:2px}',
    '@container (max-width: 380px){.marker small{display:none}.raised{font-size:1rem}}'
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
      ended: 'This campaign has ended.', donate: 'Donate', test: 'TEST MODE' },
    de: { raised: ['{0}', 'gesammelt', '{0} von {1} gesammelt'],
      recurring: ['{0} / Monat', 'regelmäßige Unterstützung', '{0} im Monat von {1} im Monat'],
      donors: ['{0}', 'Unterstützende', '{0} von {1} Unterstützenden'], donor: 'Unterstützende Person',
      ends: function (days) { return days > 1 ? 'Endet in ' + days + ' Tagen' : days === 1 ? 'Endet in 1 Tag' : 'Endet innerhalb eines Tages'; },
      ended: 'Diese Kampagne ist beendet.', donate: 'Spenden', test: 'TESTMODUS' }
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

  function render(root, data, base, locale, interval) {
    var type = data.goalType || 'raised';
    var shown = data.progress === undefined ? data.raisedMinor : data.progress;
    var money = type === 'donors' ? function (n) { return new Intl.NumberFormat(locale).format(n); } : formatter(data, locale);
    var say = words(locale);
    var texts = say.text[type] || say.text.raised;
    var raised = money(shown);
    var goal = money(data.goalMinor);
    var box = el('div', { 'class': 'gp', part: 'box' });
    box.appendChild(el('p', { 'class': 'title' }, data.title));
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
    box.appendChild(markers);
    var foot = el('div', { 'class': 'foot' });
    var line = el('p', { 'class': 'raised' });
    line.appendChild(el('strong', {}, fill(texts[0], raised)));
    line.appendChild(document.createTextNode(' ' + (type === 'donors' && shown === 1 ? say.text.donor : texts[1])));
    foot.appendChild(line);

    var over = data.ended || (data.endsAt && Date.parse(data.endsAt) <= Date.now());
    if (!over) {
      var donate = base + '/campaigns/' + encodeURIComponent(data.slug) + '?lang=' + say.language
        + (interval ? '&interval=' + interval : '');
      foot.appendChild(el('a', { 'class': 'donate', href: donate, target: '_blank', rel: 'noopener' }, say.text.donate));
    }
    box.appendChild(foot);
    if (over || data.endsAt) {
      var days = Math.floor((Date.parse(data.endsAt) - Date.now()) / 86400000);
      box.appendChild(el('p', { 'class': 'ends' }, over ? say.text.ended : say.text.ends(days)));
    }
    root.replaceChildren(el('style', {}, STYLE), box);
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
    var host = document.createElement('div');
    host.className = 'goalpost-widget';
    host.setAttribute('data-campaign', slug);
    script.parentNode.insertBefore(host, script);
    var root = host.attachShadow({ mode: 'open' });
    var url = base + '/api/campaigns/' + encodeURIComponent(slug);
    function load() {
      fetch(url, { mode: 'cors', credentials: 'omit' })
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
        .then(function (data) { render(root, data, base, locale, interval); })
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
