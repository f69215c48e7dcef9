// The search page: reads ?q=&channel=&topic=&from=&to=&sort= , searches as you type, renders results.
// All digest text is untrusted: it only ever reaches the page through textContent.

import { analyzeWithOffsets } from './search-analyzer.js';
import { SearchEngine } from './search-engine.js';

const PAGE = 10; // the first page: what most readers look at, and what it costs to fetch
const MORE = 50; // each "More": readers who page on are browsing a whole topic
const DEBOUNCE_MS = 120;

function siteBase() {
  const meta = document.querySelector('meta[name="paperbake-base"]');
  const base = meta ? meta.content : '/';
  return base.endsWith('/') ? base : base + '/';
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * A message in both UI languages, as every label of the site is: the stylesheet shows the one
 * the reader chose (<html data-ui>), so switching needs no second search.
 */
function both(zh, en, cls) {
  const z = el('span', cls ? `ui-zh ${cls}` : 'ui-zh', zh);
  z.lang = 'zh-Hans';
  const e = el('span', cls ? `ui-en ${cls}` : 'ui-en', en);
  e.lang = 'en';
  return [z, e];
}

/** `text` as text nodes, with the characters of matched terms wrapped in <mark>. */
export function highlight(text, terms) {
  const frag = document.createDocumentFragment();
  if (!text) return frag;
  const ranges = [];
  if (terms.size > 0) {
    for (const t of analyzeWithOffsets(text)) {
      if (terms.has(t.term)) ranges.push([t.start, t.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let pos = 0;
  for (let i = 0; i < ranges.length; i++) {
    let [s, e] = ranges[i];
    while (i + 1 < ranges.length && ranges[i + 1][0] <= e) e = Math.max(e, ranges[++i][1]);
    if (s < pos) s = pos;
    if (s > pos) frag.append(document.createTextNode(text.slice(pos, s)));
    if (e > s) frag.append(el('mark', null, text.slice(s, e)));
    pos = Math.max(pos, e);
  }
  if (pos < text.length) frag.append(document.createTextNode(text.slice(pos)));
  return frag;
}

function readParams() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') || '',
    channel: p.get('channel') || '',
    topic: p.get('topic') || '',
    from: p.get('from') || '',
    to: p.get('to') || '',
    sort: p.get('sort') === 'newest' ? 'newest' : 'relevance',
  };
}

function toQueryString(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.channel) p.set('channel', s.channel);
  if (s.topic) p.set('topic', s.topic);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort === 'newest') p.set('sort', 'newest');
  const qs = p.toString();
  return qs ? '?' + qs : location.pathname;
}

/**
 * "12,345": digits grouped by hand, not by toLocaleString, whose first call loads the browser's
 * number formatting data, 10 ms of a shared link's first query (docs/BENCHMARKS.md, Search).
 */
function grouped(n) {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** An exact count, or its bounds when the engine stopped reading before the end. */
function countText(count, shown) {
  if (!count) return grouped(shown);
  const min = Math.max(count.min, shown);
  return min === count.max ? grouped(min) : `${grouped(min)}–${grouped(count.max)}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Shows one search's results in rank order as their result data arrives: the ranks known so far
 * grow (the engine's early prefixes, then the final hits), each row is appended once it and every
 * row before it have arrived, so the list on screen is always a prefix of the final one. The
 * previous search's list stays until this one has its first row (typing does not blank the page).
 */
class Reveal {
  constructor(page, gen) {
    this.page = page;
    this.gen = gen;
    this.docs = [];
    this.terms = new Set();
    this.shown = 0;
    this.tail = Promise.resolve();
  }

  /** Ranks known so far: `hits` extends every list given before. */
  extend(hits, terms) {
    if (terms) this.terms = new Set(terms);
    for (let i = this.docs.length; i < hits.length; i++) {
      const doc = hits[i].doc;
      this.docs.push(doc);
      const row = this.page.engine.docs([doc]);
      this.tail = this.tail.then(() => row).then(([r]) => this.append(r));
    }
    return this.tail;
  }

  append(row) {
    const page = this.page;
    if (this.gen !== page.generation) return;
    if (this.shown === 0) {
      page.clear();
      performance.mark('search-first'); // time to the first result, for the benchmark and DevTools
    }
    page.results.append(page.item(row, this.shown++, this.terms));
  }
}

class SearchPage {
  constructor(root, base) {
    this.base = base;
    this.engine = new SearchEngine(base + 'search/');
    this.form = root.querySelector('#search-form');
    this.input = root.querySelector('#search-q');
    this.channel = root.querySelector('#search-channel');
    this.topic = root.querySelector('#search-topic');
    this.from = root.querySelector('#search-from');
    this.to = root.querySelector('#search-to');
    this.sort = root.querySelector('#search-sort');
    this.status = root.querySelector('#search-status');
    this.results = root.querySelector('#search-results');
    this.more = root.querySelector('#search-more');
    this.generation = 0;
    this.addresses = []; // [query string, push] of the searches not in the address bar yet
    this.limit = PAGE;
    this.active = -1;
    this.timer = 0;
  }

  async start() {
    performance.mark('search-start'); // with search-ready: the in-page part of a first query's time
    this.fill(readParams());
    try {
      // The topics load beside the manifest, and the first search waits for them only when a
      // link names a topic: a fresh session's query should not pay their round trip.
      const topics = this.engine.topics().then((t) => this.topicOptions(t));
      const m = await this.engine.open();
      this.channelOptions(m.channels);
      if (readParams().topic) await topics;
      this.fill(readParams()); // the channel (and topic) option may only exist now
    } catch (e) {
      this.fail(e);
      return;
    }
    this.input.addEventListener('input', () => this.schedule());
    for (const f of [this.channel, this.topic, this.from, this.to, this.sort]) {
      f.addEventListener('change', () => this.run(true));
    }
    this.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (this.active >= 0) this.open(this.active);
      else this.run(true);
    });
    this.input.addEventListener('keydown', (ev) => this.key(ev));
    this.results.addEventListener('keydown', (ev) => this.key(ev));
    this.more.addEventListener('click', () => {
      this.limit += MORE;
      this.run(false, true);
    });
    window.addEventListener('popstate', () => {
      this.addresses = []; // the reader went back or forward: that entry is the search now
      this.fill(readParams());
      this.run(false);
    });
    await this.run(false);
  }

  channelOptions(channels) {
    const named = channels.filter((c) => c !== '');
    if (named.length < 2) {
      this.channel.closest('label').hidden = true;
    }
    for (const c of named) {
      const o = el('option', null, c);
      o.value = c;
      this.channel.append(o);
    }
  }

  topicOptions(topics) {
    this.topic.closest('label').hidden = topics.length === 0;
    for (const [slug, zh, en] of topics) {
      const o = el('option', null, zh && en ? `${zh} · ${en}` : zh || en);
      o.value = slug;
      this.topic.append(o);
    }
  }

  fill(s) {
    this.input.value = s.q;
    this.channel.value = s.channel;
    if (this.channel.value !== s.channel) this.channel.value = '';
    this.topic.value = s.topic;
    if (this.topic.value !== s.topic) this.topic.value = '';
    this.from.value = ISO_DATE.test(s.from) ? s.from : '';
    this.to.value = ISO_DATE.test(s.to) ? s.to : '';
    this.sort.value = s.sort;
  }

  current() {
    return {
      q: this.input.value,
      channel: this.channel.value,
      topic: this.topic.value,
      from: ISO_DATE.test(this.from.value) ? this.from.value : '',
      to: ISO_DATE.test(this.to.value) ? this.to.value : '',
      sort: this.sort.value === 'newest' ? 'newest' : 'relevance',
    };
  }

  schedule() {
    clearTimeout(this.timer);
    this.results.dataset.state = 'pending';
    this.timer = setTimeout(() => this.run(false), DEBOUNCE_MS);
  }

  async run(push, keepLimit = false) {
    clearTimeout(this.timer);
    const gen = ++this.generation;
    if (!keepLimit) this.limit = PAGE;
    const s = this.current();
    this.addresses.push([toQueryString(s), push]);
    this.results.dataset.state = 'loading';
    if (!s.q.trim()) {
      this.render(gen, s, 0, null);
      return;
    }
    try {
      const reveal = new Reveal(this, gen);
      // "newest" lists every paper matching the most words, so it needs every posting once.
      const r = await this.engine.search(s.q, {
        k: this.limit, channel: s.channel, topic: s.topic, from: s.from, to: s.to, sort: s.sort, prefetch: true,
        onPrefix: (hits, terms) => {
          // a failed row surfaces at the final extend below; a search given up never reaches it
          if (gen === this.generation) reveal.extend(hits, terms).catch(() => {});
        },
      });
      if (gen !== this.generation) return;
      const hits = r.hits.slice(0, this.limit);
      await reveal.extend(hits, r.terms);
      if (gen !== this.generation) return;
      this.render(gen, s, hits.length, { ...r, more: r.more || r.hits.length > this.limit });
    } catch (e) {
      if (gen === this.generation) this.fail(e);
    }
  }

  /** Empties the list (a search's first row, or a search with none). */
  clear() {
    this.results.replaceChildren();
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
  }

  /** The status, "More" and the ready state, once `shown` rows of the search are in the list. */
  render(gen, s, shown, r) {
    if (gen !== this.generation) return;
    const more = r ? r.more : false;
    if (shown === 0) this.clear();
    if (!s.q.trim()) {
      this.status.replaceChildren(
        ...both('用中文或英文搜索标题、TL;DR 和摘要，例如 ', 'Search titles, TL;DRs and abstracts in Chinese or English — for example '),
        this.example('LLM 幻觉'), ...both(' 或 ', ' or '), this.example('retrieval augmented'),
        ...both('。在任何页面按 / 即可跳到搜索框。', '. Press / anywhere to jump to the search box.'));
    } else if (shown === 0) {
      const filtered = s.channel || s.topic || s.from || s.to;
      this.status.replaceChildren(...both(
        `没有论文匹配“${s.q}”` + (filtered ? '（在这些筛选条件下）。试试清除频道、话题或日期。' : '。试试更少的词、另一种拼写或另一种语言。'),
        `No papers match “${s.q}”` + (filtered ? ' with these filters. Try clearing the channel, topic or dates.'
          : '. Try fewer words, another spelling, or the other language.')));
    } else {
      const total = countText(r.count, shown);
      const order = s.sort === 'newest'
        ? (r.all === false ? ['，最新在前（没有论文含全部词：按匹配最多的）', ', newest first (none has every word: those matching the most)']
          : ['，最新在前', ', newest first'])
        : ['，最相关在前', ', most relevant first'];
      this.status.replaceChildren(...this.corrected(r.corrections),
        ...both(`${shown} / ${total} 篇论文${order[0]}`, `${shown} of ${total} papers${order[1]}`));
    }
    this.more.hidden = !(more && shown > 0);
    this.results.dataset.state = 'ready';
    performance.mark('search-ready'); // time to results, for the benchmark and DevTools
    this.address();
  }

  /**
   * Puts the searches run so far in the address bar (a new history entry each for those asked
   * to push), in order, after the results are painted: a history call costs the browser a
   * same-document navigation, which held a search's own requests back by about 11 ms a query on
   * a 2-core machine (docs/BENCHMARKS.md, Search). In order, so a pushed search that typing then
   * replaced is still one entry, as if each had been applied at once.
   */
  address() {
    requestAnimationFrame(() => setTimeout(() => {
      for (const [url, push] of this.addresses.splice(0)) {
        if (url !== location.search && !(url === location.pathname && location.search === '')) {
          history[push ? 'pushState' : 'replaceState'](null, '', url);
        }
      }
    }));
  }

  /** "Showing results for …" when an unknown word fell back to its closest terms. */
  corrected(corrections) {
    if (!corrections || corrections.length === 0) return [];
    const out = [...both('显示以下词的结果：', 'Showing results for ')];
    corrections.forEach((c, i) => {
      if (i > 0) out.push(el('span', null, ', '));
      out.push(el('strong', 'search-correction', c.terms.join(' / ')));
      out.push(...both(`（没有论文含“${c.word}”）`, ` (no paper has “${c.word}”)`));
    });
    out.push(el('span', null, '. '));
    return out;
  }

  example(q) {
    const a = el('a', 'search-example', q);
    a.href = toQueryString({ q, channel: '', topic: '', from: '', to: '', sort: 'relevance' });
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      this.input.value = q;
      this.run(true);
    });
    return a;
  }

  item(row, i, terms) {
    const li = el('li', 'search-result');
    li.id = 'search-result-' + i;
    li.dataset.arxiv = row.id;
    const title = el('a', 'search-result-title');
    title.href = this.base + 'papers/' + row.id + '/';
    title.append(highlight(row.titleEn || row.titleZh || row.id, terms));
    li.append(title);
    if (row.titleZh && row.titleEn) {
      const zh = el('div', 'search-result-title-zh');
      zh.lang = 'zh';
      zh.append(highlight(row.titleZh, terms));
      li.append(zh);
    }
    const meta = el('div', 'search-result-meta');
    meta.append(el('span', 'search-result-id', 'arXiv:' + row.id));
    const seen = new Set();
    for (const l of row.listings) {
      const key = l.channel + '/' + l.name;
      if (seen.has(key)) continue;
      seen.add(key);
      const a = el('a', 'search-result-listing', (l.channel ? l.channel + ' · ' : '') + (l.date || l.name));
      a.href = this.base + 'digests/' + (l.channel ? l.channel + '/' : '') + l.name + '/';
      meta.append(a);
    }
    li.append(meta);
    const tldr = row.tldrZh || row.tldrEn;
    if (tldr) {
      const p = el('p', 'search-result-tldr');
      if (row.tldrZh) p.lang = 'zh';
      p.append(highlight(tldr, terms));
      li.append(p);
    }
    return li;
  }

  key(ev) {
    const items = this.results.children;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (items.length === 0) return;
      ev.preventDefault();
      const step = ev.key === 'ArrowDown' ? 1 : -1;
      this.select(Math.min(items.length - 1, Math.max(-1, this.active + step)));
    } else if (ev.key === 'Enter' && ev.target !== this.input && this.active >= 0) {
      ev.preventDefault();
      this.open(this.active);
    } else if (ev.key === 'Escape') {
      this.select(-1);
      this.input.focus();
    }
  }

  select(i) {
    const items = this.results.children;
    if (this.active >= 0 && items[this.active]) {
      items[this.active].classList.remove('active');
      items[this.active].removeAttribute('aria-current');
    }
    this.active = i;
    if (i >= 0) {
      items[i].classList.add('active');
      items[i].setAttribute('aria-current', 'true'); // not role=option: a result holds links (axe nested-interactive)
      items[i].scrollIntoView({ block: 'nearest' });
      this.input.setAttribute('aria-activedescendant', items[i].id);
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  open(i) {
    const a = this.results.children[i]?.querySelector('a.search-result-title');
    if (a) location.assign(a.href);
  }

  fail(e) {
    this.results.replaceChildren();
    this.status.replaceChildren(...both('搜索暂不可用：' + e.message, 'Search is unavailable: ' + e.message));
    this.results.dataset.state = 'ready';
    this.results.dataset.error = 'true';
    this.address();
  }
}

const root = document.querySelector('#search-page');
if (root) {
  new SearchPage(root, siteBase()).start();
}
