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

  // Every label of the site, [zh, en]: render.Labels' table (ThemeScriptTest holds them equal). A page carries its
  // labels (<l->, and dates as <time datetime>) in the site's language only; the other language is made from them
  // here. The pickers and the search box are made here too, so no page carries them for readers without scripts.
  var LABELS = {
    archive: ['归档', 'Archive'],
    channels: ['频道', 'Channels'],
    search: ['搜索', 'Search'],
    searchPapers: ['搜索论文', 'Search papers'],
    theme: ['主题', 'Theme'],
    themeSystem: ['跟随系统', 'System'],
    themeLight: ['浅色', 'Light'],
    themeDark: ['深色', 'Dark'],
    language: ['语言', 'Language'],
    footer: ['摘要由机器撰写。', 'Summaries are machine-written.'],
    latestPapers: ['最新论文', 'Latest papers'],
    papersOf: ['论文', 'Papers'],
    calendarOfMonth: ['本月日历', 'calendar of the month'],
    channelsOfDay: ['当日频道', 'Channels of the day'],
    allPapersOf: ['全部论文：', 'All papers of '],
    theDigest: ['摘要页：', 'The digest: '],
    newer: ['较新', 'Newer'],
    older: ['较早', 'Older'],
    otherDays: ['其他日期', 'Other days'],
    papersPerDay: ['每日论文数', 'Papers per day'],
    mon: ['一', 'Mon'],
    tue: ['二', 'Tue'],
    wed: ['三', 'Wed'],
    thu: ['四', 'Thu'],
    fri: ['五', 'Fri'],
    sat: ['六', 'Sat'],
    sun: ['日', 'Sun'],
    undatedDigests: ['未注明日期的摘要', 'Undated digests'],
    digestsOfMonth: ['{0} 的摘要', 'Digests of {0}'],
    channelNamed: ['频道 {0}', 'Channel {0}'],
    noDigests: ['这个归档还没有摘要。把摘要文件放进 content/ 后重新构建。', 'This archive has no digests yet. Put digest files in content/ and build again.'],
    noChannels: ['这个归档的摘要都在同一个文件夹里，没有频道。', 'All digests of this archive are in one folder, without channels.'],
    undatedDigest: ['未注明日期的摘要', 'Undated digest'],
    digestNamed: ['摘要 {0}', 'Digest {0}'],
    undatedNamed: ['未注明日期（{0}）', 'undated ({0})'],
    noPapers: ['这份摘要没有列出论文。', 'This digest lists no papers.'],
    noArxivLink: ['没有 arXiv 链接', 'No arXiv link'],
    source: ['来源', 'source'],
    neighbours: ['相邻的摘要', 'Neighbouring digests'],
    abstractLink: ['摘要页', 'abstract'],
    appearedIn: ['收录于', 'Appeared in'],
    relatedPapers: ['相关论文', 'Related papers'],
    announceNew: ['新提交', 'new'],
    announceCross: ['交叉列表', 'cross-list'],
    announceReplace: ['修订版', 'revised'],
    announceReplaceCross: ['修订版（交叉列表）', 'revised, cross-list'],
    takenFrom: ['字段取自：', 'Taken from:'],
    lineN: ['第 {0} 行', 'line {0}'],
    fieldTitleZh: ['中文标题', 'Chinese title'],
    fieldTitleEn: ['英文标题', 'title'],
    fieldTldrZh: ['TL;DR', 'TL;DR'],
    fieldTldrEn: ['英文 TL;DR', 'English TL;DR'],
    fieldAbstractZh: ['中文摘要', 'Chinese abstract'],
    fieldAbstractEn: ['英文摘要', 'abstract'],
    fieldCategory: ['分类', 'category'],
    abstract: ['摘要', 'Abstract'],
    truncated: ['摘要在原文中被截断。', 'Truncated in the digest.'],
    fullAbstractOn: ['完整摘要见 arXiv', 'The full abstract is on arXiv'],
    searchHeading: ['搜索论文', 'Search'],
    searchLabel: ['用中文或英文搜索论文', 'Search papers in Chinese or English'],
    channel: ['频道', 'Channel'],
    topic: ['话题', 'Topic'],
    all: ['全部', 'All'],
    from: ['起', 'From'],
    to: ['止', 'To'],
    sort: ['排序', 'Sort'],
    relevance: ['相关度', 'Relevance'],
    newest: ['最新', 'Newest'],
    moreResults: ['更多结果', 'More results'],
    searchResults: ['搜索结果', 'Search results'],
    needsScript: ['搜索需要 JavaScript。每篇论文也列在它的摘要页和归档中。', 'Search needs JavaScript. Every paper is also listed on its digest pages and in the archive.'],
    notFound: ['页面不存在', 'Not found'],
    notFoundText: ['这个地址没有页面。看看最新论文、归档或搜索：', 'There is no page at this address. Try the latest papers, the archive or search:'],
    topics: ['话题', 'Topics'],
    topicNamed: ['话题：{0}', 'Topic: {0}'],
    feedLatest: ['{0}：最新论文', '{0}: latest papers'],
    feedChannel: ['{0}：频道 {1}', '{0}: channel {1}'],
    feedTopic: ['{0}：{1}', '{0}: {1}'],
    searchInTopic: ['在这个话题中搜索', 'Search within this topic'],
    atomFeed: ['Atom 订阅', 'Atom feed'],
    papersPerMonth: ['每月论文数', 'Papers per month'],
    trendNone: ['每月论文数：没有注明日期的论文', 'Papers per month: none dated'],
    trendSpan: ['{0} 至 {1} 每月论文数：共 {2} 篇，最多（{3} 篇）在 {4}', 'Papers per month from {0} to {1}: {2} in all, most ({3}) in {4}'],
    trendUndated: ['；{0} 篇未注明日期', '; {0} undated'],
    month: ['月份', 'Month'],
    paperCount: ['论文数', 'Papers'],
    undated: ['未注明日期', 'undated'],
    noTopicPapers: ['还没有论文属于这个话题。', 'No paper matches this topic yet.'],
    pages: ['分页', 'Pages'],
    pageOf: ['第 {0} 页，共 {1} 页', 'Page {0} of {1}'],
    unitPaper: ['篇论文', 'paper|papers'],
    unitDigest: ['份摘要', 'digest|digests'],
    unitEntry: ['条', 'entry|entries'],
    unitChannel: ['个频道', 'channel|channels']
  };
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var otherLang = siteLang === 'en' ? 'zh' : 'en';

  function said(key, v) { return LABELS[key][v === 'en' ? 1 : 0]; }

  // layout.ftl's date macro: "2026年8月1日" or "1 Aug 2026".
  function dateIn(iso, v) {
    var p = iso.split('-'), y = p[0], m = +p[1], d = +p[2];
    return v === 'en' ? d + ' ' + MONTHS[m - 1] + ' ' + y : y + '年' + m + '月' + d + '日';
  }

  // The site language's label texts, made once: plain ones by their text, those with numbers or names in them
  // ({0}, {1}) as patterns, and the count units ("3 篇论文", "1 paper", "2 papers").
  var known = null;
  function knownTexts() {
    if (known) return known;
    known = { plain: {}, patterns: {}, units: {} };
    for (var key in LABELS) {
      var from = said(key, siteLang);
      if (key.indexOf('unit') === 0) {
        (siteLang === 'en' ? from.split('|') : [from]).forEach(function (u) { known.units[u] = key; });
      } else if (from.indexOf('{0}') >= 0) {
        known.patterns[key] = new RegExp('^' + from.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\d\}/g, '(.+?)') + '$');
      } else if (!known.plain.hasOwnProperty(from)) {
        known.plain[from] = key;
      }
    }
    return known;
  }

  // A label's text in the other language, from its text in the site's; null for text that is no label. When a page
  // names the label (its text is another label's too), only that one is tried.
  function relabel(text, only) {
    var k = knownTexts();
    if (!only && k.plain.hasOwnProperty(text)) return said(k.plain[text], otherLang);
    if (only && said(only, siteLang) === text) return said(only, otherLang);
    for (var key in k.patterns) {
      if (only && key !== only) continue;
      var m = k.patterns[key].exec(text);
      if (m) return said(key, otherLang).replace(/\{(\d)\}/g, function (all, i) { return m[+i + 1]; });
    }
    var count = /^(\d+) (.+)$/.exec(text);
    if (only || !count || !k.units.hasOwnProperty(count[2])) return null;
    var unit = LABELS[k.units[count[2]]];
    return count[1] + ' ' + (otherLang === 'zh' ? unit[0] : unit[1].split('|')[count[1] === '1' ? 0 : 1]);
  }

  function otherText(el) {
    var key = el.getAttribute('k');
    if (el.tagName !== 'TIME') return !key || LABELS.hasOwnProperty(key) ? relabel(el.textContent, key) : null;
    var iso = el.getAttribute('datetime');
    return /^\d{4}-\d{2}-\d{2}$/.test(iso) && el.textContent === dateIn(iso, siteLang) ? dateIn(iso, otherLang) : null;
  }

  // A label in language v; its site text is kept aside the first time. A label this table does not know is left
  // as it is (a <time> written otherwise, or one the parser has not finished: it is tried again).
  function show(el, v) {
    if (el.pbAlt === undefined) {
      var alt = otherText(el);
      if (alt === null) return;
      el.pbSite = el.textContent;
      el.pbAlt = alt;
    }
    var text = v === siteLang ? el.pbSite : el.pbAlt;
    if (el.textContent !== text) el.textContent = text;
  }

  // The parser is done with an element once anything follows it.
  function closed(el) {
    for (var n = el; n && n !== root; n = n.parentNode) if (n.nextSibling) return true;
    return false;
  }

  var LABEL = 'l-, time[datetime]';
  // While the page is parsed in a language other than the reader's, labels are switched as the parser adds them:
  // a MutationObserver's callback runs before the next paint. Until then CSS hides them (html[data-swap]).
  var parsing = null;

  function relabelParsed() {
    var els = document.querySelectorAll('l-:not([data-t]), time[datetime]:not([data-t])');
    for (var i = 0; i < els.length; i++) {
      if (!closed(els[i])) continue;
      show(els[i], root.getAttribute('data-ui'));
      els[i].setAttribute('data-t', '');
    }
  }

  // Accessible names and <option> texts cannot hold an element: they are in the site's language with the other in
  // data-alt, and are switched here too (the site's own text kept aside the first time).
  function applyUi(v) {
    root.setAttribute('data-ui', v);
    root.lang = v === 'en' ? 'en' : 'zh-Hans';
    if (document.readyState === 'loading') {
      if (v !== siteLang && !parsing) {
        root.setAttribute('data-swap', '');
        parsing = new MutationObserver(relabelParsed);
        parsing.observe(document, { childList: true, subtree: true });
      }
      return;
    }
    if (parsing) {
      parsing.disconnect();
      parsing = null;
    }
    var labels = document.querySelectorAll(LABEL);
    for (var k = 0; k < labels.length; k++) show(labels[k], v);
    root.removeAttribute('data-swap');
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
    for (var j = 0; j < words.length; j++) words[j].textContent = said(words[j].getAttribute('data-word'), v);
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
        box.placeholder = said('searchPapers', 'zh') + ' · ' + said('searchPapers', 'en') + ' (/)';
        box.setAttribute('aria-label', said('searchPapers', siteLang));
        box.setAttribute('data-alt', said('searchPapers', otherLang));
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
      { value: 'system', word: 'themeSystem' }, { value: 'light', word: 'themeLight' }, { value: 'dark', word: 'themeDark' }]);
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
