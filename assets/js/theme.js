// The reader's theme (light, dark or the system's) and UI language (中文 or English). This file
// is loaded as a blocking script at the top of <head>, so both saved choices are on <html> before
// the first paint: no flash of the other theme or language. It is an external file because the
// CSP allows no inline script. Without it, the system theme and the site's language apply. It also holds the
// one keyboard shortcut of every page.
(function () {
  var THEME = 'paperbake-theme';
  var UI = 'paperbake-ui';
  var root = document.documentElement;
  var siteLang = root.getAttribute('data-ui');
  // This file is <base>js/theme.js, so its own URL names the search page, with no tag on every page to say it.
  var searchPage = new URL('../search/', document.currentScript.src).pathname;

  function saved(key, allowed, fallback) {
    try {
      var v = localStorage.getItem(key);
      return allowed.indexOf(v) >= 0 ? v : fallback;
    } catch (e) {
      return fallback; // storage blocked (privacy mode): not remembered
    }
  }

  function remember(key, value, fallback) {
    try {
      if (value === fallback) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) { /* applied, not remembered */ }
  }

  function theme() { return saved(THEME, ['light', 'dark'], 'system'); }
  function ui() { return saved(UI, ['zh', 'en'], siteLang); }

  function applyTheme(v) {
    if (v === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', v);
  }

  // The pickers' and the search box's words (render.Labels' theme, language, themeSystem, themeLight, themeDark,
  // searchPapers; ThemeScriptTest holds them equal): they are made here, so no page carries them for readers
  // without scripts.
  var WORDS = {
    search: { zh: '搜索论文', en: 'Search papers' },
    theme: { zh: '主题', en: 'Theme' },
    language: { zh: '语言', en: 'Language' },
    system: { zh: '跟随系统', en: 'System' },
    light: { zh: '浅色', en: 'Light' },
    dark: { zh: '深色', en: 'Dark' }
  };

  // Labels are in the page in both languages (CSS shows one); what cannot hold an element, an
  // accessible name or an <option>'s text, is in the site's language with the other in data-alt,
  // and is switched here (the site's own text is kept aside the first time).
  function applyUi(v) {
    root.setAttribute('data-ui', v);
    root.lang = v === 'en' ? 'en' : 'zh-Hans';
    if (document.readyState === 'loading') return;
    var alt = document.querySelectorAll('[data-alt]');
    for (var i = 0; i < alt.length; i++) {
      var el = alt[i];
      var named = el.hasAttribute('aria-label');
      if (el.pbSite === undefined) el.pbSite = named ? el.getAttribute('aria-label') : el.textContent;
      var text = v === siteLang ? el.pbSite : el.getAttribute('data-alt');
      if (named) el.setAttribute('aria-label', text);
      else el.textContent = text;
    }
    var words = document.querySelectorAll('[data-word]');
    for (var j = 0; j < words.length; j++) words[j].textContent = WORDS[words[j].getAttribute('data-word')][v];
  }

  function word(tag, key) {
    var el = document.createElement(tag);
    el.setAttribute('data-word', key);
    return el;
  }

  // <div class="pickers"><label class="picker">Theme <select id="theme-select">...</select></label>...</div>
  function picker(key, id, options) {
    var label = document.createElement('label');
    label.className = 'picker';
    label.appendChild(word('span', key));
    var select = document.createElement('select');
    select.id = id;
    options.forEach(function (o) {
      var option = o.word ? word('option', o.word) : document.createElement('option');
      option.value = o.value;
      if (o.text) { option.textContent = o.text; option.lang = o.lang; }
      select.appendChild(option);
    });
    label.appendChild(select);
    return { label: label, select: select };
  }

  applyTheme(theme());
  applyUi(ui());

  // <pb-search> in the header: <form class="site-search" action="<base>search/" role="search"><input type="search"
  // name="q" ...></form>, made as the parser reaches it (this script defines the element before the body is
  // parsed). Its accessible name is in the site's language, the other in data-alt, like a label a page carries.
  if (window.customElements) {
    customElements.define('pb-search', class extends HTMLElement {
      connectedCallback() {
        if (this.firstChild) return;
        var form = document.createElement('form');
        form.className = 'site-search';
        form.setAttribute('action', searchPage);
        // On the search page its own form is the search landmark; elsewhere this is the page's only one.
        if (!document.body.classList.contains('search')) form.setAttribute('role', 'search');
        var box = document.createElement('input');
        box.type = 'search';
        box.name = 'q';
        box.placeholder = WORDS.search.zh + ' · ' + WORDS.search.en + ' (/)';
        box.setAttribute('aria-label', WORDS.search[siteLang]);
        box.setAttribute('data-alt', WORDS.search[siteLang === 'en' ? 'zh' : 'en']);
        box.autocomplete = 'off';
        form.appendChild(box);
        this.appendChild(form);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var header = document.querySelector('.site-header');
    if (!header) { applyUi(ui()); return; }
    var themePicker = picker('theme', 'theme-select', [
      { value: 'system', word: 'system' }, { value: 'light', word: 'light' }, { value: 'dark', word: 'dark' }]);
    var uiPicker = picker('language', 'ui-select', [
      { value: 'zh', text: '中文', lang: 'zh-Hans' }, { value: 'en', text: 'English', lang: 'en' }]);
    var pickers = document.createElement('div');
    pickers.className = 'pickers';
    pickers.appendChild(themePicker.label);
    pickers.appendChild(uiPicker.label);
    header.appendChild(pickers);
    applyUi(ui());
    var themeSelect = themePicker.select;
    var uiSelect = uiPicker.select;
    themeSelect.value = theme();
    uiSelect.value = ui();
    themeSelect.addEventListener('change', function () {
      remember(THEME, themeSelect.value, 'system');
      applyTheme(themeSelect.value);
    });
    uiSelect.addEventListener('change', function () {
      remember(UI, uiSelect.value, siteLang);
      applyUi(uiSelect.value);
    });
  });
  // "/" jumps to the search box (unless the reader is already typing somewhere). Here rather than in a script of its
  // own: this is the one script every page loads, and a second tag would cost every page its bytes.
  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t instanceof Element && t.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    var box = document.querySelector('#search-q') || document.querySelector('form.site-search input[name="q"]');
    if (!box) return;
    ev.preventDefault();
    box.focus();
    box.select();
  });
  // Another tab changed a choice: follow it.
  window.addEventListener('storage', function (ev) {
    if (ev.key === THEME) applyTheme(theme());
    if (ev.key === UI) applyUi(ui());
  });
})();
