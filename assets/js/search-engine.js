// Query evaluation over the static index written by paperbake.index.SearchIndexWriter.
//
// Scores are Lucene's: every posting carries the exact double sum of the BM25 field scores
// Lucene computed for that (term, paper), and a paper's score is the float rounding of the sum
// over query terms — what a flat Lucene disjunction computes. Postings are stored by score,
// in tiers; we read tiers only until the top k is certain (Fagin's threshold algorithm).

import { ANALYZER_VERSION, analyze, lastPrefix } from './search-analyzer.js';

export const FORMAT = 2;
/** Query terms beyond these are ignored (Lucene side: LuceneIndex/QueryPlan mirror this). */
export const MAX_TERMS = 24;
/** Completions of the last word that join the query. */
export const MAX_EXPANSIONS = 6;
/** A prefix whose terms span more shards than this is not expanded (it would cost too much). */
export const MAX_PREFIX_SHARDS = 3;

const decoder = new TextDecoder();
const NOTHING = () => false;

class Reader {
  constructor(bytes) {
    this.b = bytes;
    this.p = 0;
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  varint() {
    let r = 0;
    let mul = 1;
    let b;
    do {
      b = this.b[this.p++];
      r += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    return r;
  }

  f64() {
    const v = this.dv.getFloat64(this.p, true);
    this.p += 8;
    return v;
  }

  str() {
    const n = this.varint();
    const s = decoder.decode(this.b.subarray(this.p, this.p + n));
    this.p += n;
    return s;
  }

  postings() {
    const groups = this.varint();
    const docs = [];
    const scores = [];
    for (let g = 0; g < groups; g++) {
      const score = this.f64();
      const count = this.varint();
      let prev = -1;
      for (let i = 0; i < count; i++) {
        prev += this.varint() + 1;
        docs.push(prev);
        scores.push(score);
      }
    }
    return { docs, scores };
  }
}

/** Network access, counted, so tests and the benchmark can see what a query cost. */
class Loader {
  constructor(base) {
    this.base = base;
    this.cache = new Map();
    this.requests = 0;
  }

  get(path, kind) {
    let p = this.cache.get(path);
    if (!p) {
      p = this.load(path, kind);
      this.cache.set(path, p);
      // A failed request must not poison the cache.
      p.catch(() => this.cache.delete(path));
    }
    return p;
  }

  async load(path, kind) {
    this.requests++;
    const res = await fetch(this.base + path);
    if (!res.ok) throw new Error(`search index: ${path}: HTTP ${res.status}`);
    if (kind === 'json') return res.json();
    // Binary index files are stored gzipped (static hosts do not compress binary types).
    return inflate(res.body);
  }

  /** One gzip member of a pack file: bytes [start, end) by HTTP range request. */
  range(path, start, end) {
    const key = `${path}#${start}`;
    let p = this.cache.get(key);
    if (!p) {
      p = (async () => {
        this.requests++;
        const res = await fetch(this.base + path, { headers: { Range: `bytes=${start}-${end - 1}` } });
        if (res.status === 206) return inflate(res.body);
        if (res.status !== 200) throw new Error(`search index: ${path}: HTTP ${res.status}`);
        // A host that ignores ranges sends the whole pack: still correct, just expensive.
        const all = new Uint8Array(await res.arrayBuffer());
        return inflate(new Blob([all.subarray(start, end)]).stream());
      })();
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
    }
    return p;
  }
}

async function inflate(body) {
  const stream = body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Shard boundaries as paperbake.index.FrontCoding writes them: per string, one character
// '0' + (length of the prefix shared with the previous string), then the rest; space-separated.
function frontDecode(coded) {
  const out = [];
  if (!coded) return out;
  let previous = '';
  for (const e of coded.split(' ')) {
    previous = previous.slice(0, e.charCodeAt(0) - 48) + e.slice(1);
    out.push(previous);
  }
  return out;
}

function fround(x) {
  return Math.fround(x);
}

export class SearchEngine {
  /** @param {string} indexUrl URL of the search/ directory, ending with '/' */
  constructor(indexUrl) {
    this.loader = new Loader(indexUrl);
    this.shards = new Map();
    this.manifest = null;
  }

  async open() {
    if (!this.manifest) {
      const m = await this.loader.get('manifest.json', 'json');
      if (m.format !== FORMAT || m.analyzer !== ANALYZER_VERSION) {
        throw new Error('search index was built by another version of paperbake; rebuild the site');
      }
      m.shards = frontDecode(m.shards);
      this.manifest = m;
    }
    return this.manifest;
  }

  /** Index of the shard that would hold `term`: the last shard whose first term is <= term. */
  shardIndex(term) {
    const first = this.manifest.shards;
    let lo = 0;
    let hi = first.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (first[mid] <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  async shard(n) {
    let s = this.shards.get(n);
    if (!s) {
      s = this.loader.get(`s/${n}.bin`, 'bin').then((bytes) => parseShard(bytes));
      this.shards.set(n, s);
      s.catch(() => this.shards.delete(n));
    }
    return s;
  }

  /** Term info {term, df, ordinal, bounds, tiers} or null when no paper has the term. */
  async lookup(term) {
    const s = await this.shard(this.shardIndex(term));
    return s.byTerm.get(term) || null;
  }

  /**
   * The dictionary terms that complete `prefix`, most frequent first (ties: by term). A Latin
   * prefix that is already a word of the index is taken as finished ("model" does not pull in
   * "modeling"); a lone CJK character always completes to the bigrams it starts.
   */
  async expand(prefix, cjk) {
    if (!cjk && (await this.lookup(prefix))) return [];
    const first = this.shardIndex(prefix);
    const last = this.shardIndex(prefix + '\uffff');
    if (last - first + 1 > MAX_PREFIX_SHARDS) return [];
    const found = [];
    for (let n = first; n <= last; n++) {
      const s = await this.shard(n);
      for (const info of s.list) {
        if (info.term !== prefix && info.term.startsWith(prefix)) found.push(info);
      }
    }
    found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    return found.slice(0, MAX_EXPANSIONS).map((i) => i.term);
  }

  /** The Lucene query a text stands for: distinct analyzed terms, plus completions of the last word. */
  async plan(text, prefix) {
    const exact = [...new Set(analyze(text))].slice(0, MAX_TERMS);
    let completions = [];
    if (prefix) {
      const p = lastPrefix(text);
      if (p) completions = await this.expand(p.text, p.cjk);
    }
    return [...new Set([...exact, ...completions])];
  }

  async postings(info, tier) {
    if (tier === 0) return info.tiers[0];
    if (!info.tiers[tier]) {
      const [start, end] = info.ranges[tier - 1];
      const bytes = await this.loader.range(`t/${info.pack}.bin`, start, end);
      info.tiers[tier] = new Reader(bytes).postings();
    }
    return info.tiers[tier];
  }

  /** A doc-number predicate for the filters, or null when there are none. */
  async filter({ channel = '', from = '', to = '', topic = '' } = {}) {
    const m = this.manifest;
    let lo = 0;
    let hi = m.docs;
    if (from || to) {
      const { dated, dates } = await this.loader.get('f/dates.json', 'json');
      // dates: [[iso date, first doc number]] newest first; doc numbers run newest first too.
      hi = dated;
      if (to) {
        const e = dates.find(([d]) => d <= to);
        lo = e ? e[1] : dated;
      }
      if (from) {
        const e = dates.find(([d]) => d < from);
        hi = e ? e[1] : dated;
      }
    }
    let bits = null;
    if (channel !== '' && channel !== null && channel !== undefined) {
      const c = m.channels.indexOf(channel);
      if (c < 0) return NOTHING;
      bits = await this.loader.get(`f/c${c}.bin`, 'bin');
    }
    // topic filter (paperbake.index.TopicFilterWriter): one more bitmap, AND-ed with the channel's
    let tbits = null;
    if (topic) {
      const t = (await this.topics()).findIndex(([slug]) => slug === topic);
      if (t < 0) return NOTHING;
      tbits = await this.loader.get(`f/t${t}.bin`, 'bin');
    }
    if (lo >= hi) return NOTHING;
    if (lo === 0 && hi === m.docs && !bits && !tbits) return null;
    const has = (b, d) => !b || (b[d >> 3] & (1 << (d & 7))) !== 0;
    return (d) => d >= lo && d < hi && has(bits, d) && has(tbits, d);
  }

  /**
   * Top `k` papers for `text`: {hits: [{doc, score}], terms, more}. `more` is true when papers
   * beyond the k-th may exist.
   */
  /** [[slug, Chinese name, English name]] of the site's topics; none when it has no topics.json. */
  async topics() {
    try {
      return (await this.loader.get('f/topics.json', 'json')).topics;
    } catch (e) {
      return [];
    }
  }

  async search(text, { k = 10, prefix = true, channel = '', from = '', to = '', topic = '' } = {}) {
    await this.open();
    const terms = await this.plan(text, prefix);
    const infos = (await Promise.all(terms.map((t) => this.lookup(t)))).filter((i) => i);
    const accept = await this.filter({ channel, from, to, topic });
    // An empty filter needs no postings at all (reading on would fetch every tier).
    if (accept === NOTHING) return { hits: [], terms: infos.map((i) => i.term), more: false };
    const { hits, more } = await this.topK(infos, k, accept);
    return { hits, terms: infos.map((i) => i.term), more };
  }

  async topK(infos, k, accept) {
    const state = infos.map((info) => ({ info, next: 1, rem: info.bounds.length > 0 ? info.bounds[0] : 0 }));
    const acc = new Map(); // doc -> {sum of the term scores seen, bit i set when term i was seen}
    const add = (i, block) => {
      const bit = 1 << i; // at most MAX_TERMS + MAX_EXPANSIONS (30) terms
      for (let j = 0; j < block.docs.length; j++) {
        const d = block.docs[j];
        if (accept && !accept(d)) continue;
        let a = acc.get(d);
        if (!a) {
          a = { sum: 0, mask: 0 };
          acc.set(d, a);
        }
        a.sum += block.scores[j];
        a.mask |= bit;
      }
    };
    state.forEach((s, i) => add(i, s.info.tiers[0]));
    for (;;) {
      const remAll = state.reduce((x, s) => x + s.rem, 0);
      // The best a paper can still gain: the unread maximum of every term it was not seen in.
      const gain = new Map();
      const missing = (mask) => {
        let g = gain.get(mask);
        if (g === undefined) {
          g = 0;
          for (let i = 0; i < state.length; i++) {
            if (state[i].rem > 0 && ((mask >> i) & 1) === 0) g += state[i].rem;
          }
          gain.set(mask, g);
        }
        return g;
      };
      // Top k by (lower bound desc, doc asc), kept sorted by insertion: O(n log k), no full sort.
      const top = [];
      for (const [doc, a] of acc) {
        const lo = fround(a.sum);
        if (top.length === k && !ahead(lo, doc, top[k - 1])) continue;
        let at = top.length;
        while (at > 0 && ahead(lo, doc, top[at - 1])) at--;
        top.splice(at, 0, { doc, lo, a });
        if (top.length > k) top.pop();
      }
      for (const t of top) t.hi = fround(t.a.sum + missing(t.a.mask));
      if (remAll === 0 || this.settled(top, k, acc, missing, remAll)) {
        // The order is certain; a score is exact only when every term was seen or exhausted
        // for that paper (otherwise it lies in [score, max] and reading on would only cost bytes).
        const hits = top.map((c) => ({ doc: c.doc, score: c.lo, max: c.hi, exact: c.lo === c.hi }));
        return { hits, more: acc.size > k || remAll > 0 };
      }
      // Read further into the terms whose unread postings could still matter most.
      const maxRem = Math.max(...state.map((s) => s.rem));
      const deeper = state
        .map((s, i) => [s, i])
        .filter(([s]) => s.rem > 0 && s.rem >= maxRem / 2);
      const blocks = await Promise.all(deeper.map(([s]) => this.postings(s.info, s.next)));
      deeper.forEach(([s, i], j) => {
        add(i, blocks[j]);
        s.next++;
        s.rem = s.next <= s.info.bounds.length ? s.info.bounds[s.next - 1] : 0;
      });
    }
  }

  /** Is `top` certainly Lucene's top k, in order? */
  settled(top, k, acc, missing, remAll) {
    for (let j = 0; j + 1 < top.length; j++) {
      if (!beats(top[j], top[j + 1])) return false;
    }
    if (top.length < k) return false; // more papers may still turn up in unread postings
    const last = top[k - 1];
    const inTop = new Set(top.map((t) => t.doc));
    for (const [doc, a] of acc) {
      if (inTop.has(doc)) continue;
      if (!beats(last, { doc, lo: 0, hi: fround(a.sum + missing(a.mask)) })) return false;
    }
    // A paper not seen in any list scores at most remAll, and its doc number is unknown.
    return last.lo > fround(remAll);
  }

  /** Result rows for doc numbers, in the given order. */
  async docs(docNumbers) {
    const size = this.manifest.chunkDocs;
    const chunks = await Promise.all(
      docNumbers.map((d) => this.loader.get(`r/${Math.floor(d / size)}.json`, 'json')));
    return docNumbers.map((d, i) => {
      const [id, titleEn, titleZh, tldrZh, tldrEn, listings] = chunks[i][d % size];
      return {
        doc: d, id, titleEn, titleZh, tldrZh, tldrEn,
        listings: listings.map(([c, name, date]) => ({ channel: this.manifest.channels[c], name, date })),
      };
    });
  }

  get requests() {
    return this.loader.requests;
  }
}

// a certainly ranks before b: its lowest possible score beats b's highest (ties: lower doc first)
function beats(a, b) {
  return a.lo > b.hi || (a.lo === b.hi && a.doc < b.doc);
}

// (lo, doc) ranks before t by lower bound, ties by doc number as Lucene breaks them
function ahead(lo, doc, t) {
  return lo > t.lo || (lo === t.lo && doc < t.doc);
}

function parseShard(bytes) {
  const r = new Reader(bytes);
  const firstOrdinal = r.varint();
  const count = r.varint();
  const list = [];
  const byTerm = new Map();
  for (let i = 0; i < count; i++) {
    const term = r.str();
    const df = r.varint();
    const tiers = r.varint();
    const bounds = [];
    for (let k = 1; k < tiers; k++) bounds.push(r.f64());
    const top = r.postings();
    const info = { term, df, ordinal: firstOrdinal + i, bounds, tiers: [top], pack: -1, ranges: [] };
    if (tiers > 1) {
      info.pack = r.varint();
      let at = r.varint();
      for (let k = 1; k < tiers; k++) {
        const len = r.varint();
        info.ranges.push([at, at + len]);
        at += len;
      }
    }
    list.push(info);
    byTerm.set(term, info);
  }
  return { list, byTerm };
}
