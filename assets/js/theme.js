// The reader's theme (light, dark or the system's). This file is loaded as a blocking script at
// the top of <head>, so the saved choice is on <html> before the first paint: no flash of the
// other theme. It is an external file because the CSP allows no inline script.
(function () {
  var KEY = 'paperbake-theme';
  var root = document.documentElement;

  function saved() {
    try {
      var v = localStorage.getItem(KEY);
      return v === 'light' || v === 'dark' ? v : 'system';
    } catch (e) {
      return 'system'; // storage blocked (privacy mode, file://): follow the system
    }
  }

  function apply(v) {
    if (v === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', v);
  }

  apply(saved());

  document.addEventListener('DOMContentLoaded', function () {
    var select = document.getElementById('theme-select');
    if (!select) return;
    select.value = saved();
    select.closest('label').hidden = false;
    select.addEventListener('change', function () {
      try {
        if (select.value === 'system') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, select.value);
      } catch (e) { /* not remembered, still applied */ }
      apply(select.value);
    });
  });
  // Another tab changed it: follow.
  window.addEventListener('storage', function (ev) {
    if (ev.key === KEY) apply(saved());
  });
})();
