// The reader's theme (light, dark or the system's) and UI language (中文 or English). This file
// is loaded as a blocking script at the top of <head>, so both saved choices are on <html> before
// the first paint: no flash of the other theme or language. It is an external file because the
// CSP allows no inline script. Without it, the system theme and the site's language apply.
(function () {
  var THEME = 'paperbake-theme';
  var UI = 'paperbake-ui';
  var root = document.documentElement;
  var siteLang = root.getAttribute('data-ui');

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

  // Labels are in the page in both languages (CSS shows one); what cannot hold an element, an
  // accessible name or an <option>'s text, carries both in data attributes and is switched here.
  function applyUi(v) {
    root.setAttribute('data-ui', v);
    root.lang = v === 'en' ? 'en' : 'zh-Hans';
    if (document.readyState === 'loading') return;
    var named = document.querySelectorAll('[data-label-' + v + ']');
    for (var i = 0; i < named.length; i++) named[i].setAttribute('aria-label', named[i].getAttribute('data-label-' + v));
    var texts = document.querySelectorAll('[data-text-' + v + ']');
    for (var j = 0; j < texts.length; j++) texts[j].textContent = texts[j].getAttribute('data-text-' + v);
  }

  applyTheme(theme());
  applyUi(ui());

  document.addEventListener('DOMContentLoaded', function () {
    applyUi(ui());
    var themeSelect = document.getElementById('theme-select');
    var uiSelect = document.getElementById('ui-select');
    if (!themeSelect || !uiSelect) return;
    themeSelect.value = theme();
    uiSelect.value = ui();
    themeSelect.closest('.pickers').hidden = false;
    themeSelect.addEventListener('change', function () {
      remember(THEME, themeSelect.value, 'system');
      applyTheme(themeSelect.value);
    });
    uiSelect.addEventListener('change', function () {
      remember(UI, uiSelect.value, siteLang);
      applyUi(uiSelect.value);
    });
  });
  // Another tab changed a choice: follow it.
  window.addEventListener('storage', function (ev) {
    if (ev.key === THEME) applyTheme(theme());
    if (ev.key === UI) applyUi(ui());
  });
})();
