// Query planning and evaluation over the static index (decoding: search-format.js, fetching:
// search-fetch.js).
//
// Ranking (docs/SEARCH.md, "Ranking"): a query is a list of word groups — each analyzed term,
// the last word with its completions, an unknown word with its closest terms — and a paper's
// score is B × (groups it matches) + the BM25 sum of every plan term, B a power of two above
// any possible BM25 sum. So papers matching every word come first, BM25 orders within a group
// count, and the whole is one Lucene BooleanQuery (LuceneIndex.query) whose float score we
// reproduce exactly. Postings are stored by score, in tiers; we read tiers only until the top k
// is certain (Fagin's threshold algorithm).

import { ANALYZER_VERSION, analyze, lastPrefix } from './search-analyzer.js';
import { Loader } from './search-fetch.js';
import { FORMAT, frontDecode, parsePostings, parseShard, shardBlocks } from './search-format.js';

export { FORMAT };
/** Analyzed words beyond these are ignored (Lucene side: ReferenceSearch mirrors every limit). */
export const MAX_TERMS = 24;
/** Distinct dictionary terms of a plan (bit masks below hold 31). */
export const MAX_PLAN_TERMS = 30;
/** Completions of the last word that join the query. */
export const MAX_EXPANSIONS = 6;
/**
 * The last word as typed counts for its group by itself, its completions only adding their BM25,
 * when it is a term at least this many times as frequent as its most frequent completion
 * (`translation` over `translational`); a rarer term (`stru`, cut off in an abstract, against
 * `structure`) is still completed. Measured in docs/SEARCH.md ("Ranking"); QueryPlan.WORD_SHARE.
 */
export const WORD_SHARE = 2;
/** A prefix whose terms span more shards than this is completed from p/<n>.json instead. */
export const MAX_PREFIX_SHARDS = 3;
/** Shards read to correct one unknown word, and the closest terms it falls back to. */
export const MAX_TYPO_SHARDS = 6;
export const MAX_FALLBACKS = 3;
/** A round reads a term's next tier and the ones after it while they total at most these compressed bytes (docs/SEARCH.md). */
export const READ_AHEAD_BYTES = 32768;

const NOTHING = () => false;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export class SearchEngine {
  /**
   * @param {string} indexUrl URL of the search/ directory, ending with '/'
   * @param {{wordShare?: number, readAhead?: number}} [options] WORD_SHARE and READ_AHEAD_BYTES,
   *     other values for the experiments that chose them (paperbake.bench.CompletionShareExperiment,
   *     paperbake.bench.SearchTimeline)
   */
  constructor(indexUrl, { wordShare = WORD_SHARE, readAhead = READ_AHEAD_BYTES } = {}) {
    this.wordShare = wordShare;
    this.readAhead = readAhead;
    this.loader = new Loader(indexUrl);
    this.parsed = new Map(); // shard number -> its parsed shard (a promise)
    this.manifest = null;
  }

  async open() {
    if (!this.manifest) {
      const m = await this.loader.get('manifest.json', 'json');
      if (m.format !== FORMAT || m.analyzer !== ANALYZER_VERSION) {
        throw new Error('search index was built by another version of paperbake; rebuild the site');
      }
      m.shards = frontDecode(m.shards);
      m.blocks = shardBlocks(m.shardUnits, m.shardUnit, m.shardPack);
      if (m.blocks.pack.length !== m.shards.length) throw new Error('search index: the manifest\'s shards disagree');
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

  /**
   * Shards [first, last], parsed. Those not read yet come in one range request per pack file
   * (consecutive shards of a pack are consecutive bytes): a shard is a block of its pack,
   * where the manifest says (shardBlocks), holding a gzip member and its length.
   */
  shards(first, last) {
    const { pack, start, end } = this.manifest.blocks;
    for (let n = first; n <= last; ) {
      let m = n;
      while (m < last && pack[m + 1] === pack[n]) m++;
      const missing = [];
      for (let k = n; k <= m; k++) if (!this.parsed.has(k)) missing.push(k);
      if (missing.length > 0) {
        const read = this.loader.ranges(`s/${pack[n]}.bin`, missing.map((k) => [start[k], end[k]]), true);
        missing.forEach((k, i) => {
          const s = read[i].then(parseShard);
          this.parsed.set(k, s);
          s.catch(() => this.parsed.delete(k));
        });
      }
      n = m + 1;
    }
    const out = [];
    for (let n = first; n <= last; n++) out.push(this.parsed.get(n));
    return out;
  }

  /** Term info {term, df, ordinal, bounds, tiers} or null when no paper has the term. */
  async lookup(term) {
    const n = this.shardIndex(term);
    const [s] = await Promise.all(this.shards(n, n));
    return s.byTerm.get(term) || null;
  }

  /** Every dictionary term of shards [first, last]. */
  async terms(first, last) {
    const out = [];
    for (const s of await Promise.all(this.shards(first, last))) out.push(...s.list);
    return out;
  }

  /**
   * The MAX_EXPANSIONS most frequent dictionary terms that complete `prefix` (the prefix itself
   * excluded; ties by term): from its shards when they are few, else from p/<n>.json, which the
   * build writes for exactly those prefixes (paperbake.index.CompletionsWriter).
   */
  async expand(prefix) {
    const first = this.shardIndex(prefix);
    const last = this.shardIndex(prefix + '\uffff');
    if (last - first + 1 > MAX_PREFIX_SHARDS) {
      const table = await this.loader.get(`p/${prefix.charCodeAt(0) % 16}.json`, 'json');
      return Object.hasOwn(table, prefix) ? table[prefix] : [];
    }
    const found = (await this.terms(first, last)).filter((i) => i.term !== prefix && i.term.startsWith(prefix));
    return byFrequency(found).slice(0, MAX_EXPANSIONS).map((i) => i.term);
  }

  /**
   * The closest dictionary terms to a word no paper has: within edit distance 1 (2 from eight
   * characters), else the completions of its longest prefix that starts a term, at most
   * MAX_FALLBACKS, most frequent first. Only the shards of the word's shortest prefix that spans
   * at most MAX_TYPO_SHARDS are read, so a typo in those first characters is not corrected.
   */
  async fallback(word) {
    if (word.length < 4 || CJK_CHAR.test(word)) return [];
    let first = this.shardIndex(word);
    let last = first;
    let scope = word.length;
    for (let len = 2; len < word.length; len++) {
      const p = word.slice(0, len);
      const a = this.shardIndex(p);
      const b = this.shardIndex(p + '\uffff');
      if (b - a + 1 <= MAX_TYPO_SHARDS) {
        [first, last, scope] = [a, b, len];
        break;
      }
    }
    const known = (await this.terms(first, last)).filter((i) => !CJK_CHAR.test(i.term));
    const limit = word.length >= 8 ? 2 : 1;
    let best = limit + 1;
    let near = [];
    for (const info of known) {
      if (Math.abs(info.term.length - word.length) > limit) continue;
      const d = editDistance(word, info.term, limit);
      if (d > limit) continue;
      if (d < best) {
        best = d;
        near = [info];
      } else if (d === best) {
        near.push(info);
      }
    }
    if (near.length === 0) {
      for (let len = word.length - 1; len >= Math.max(scope, 4); len--) {
        const p = word.slice(0, len);
        near = known.filter((i) => i.term.startsWith(p));
        if (near.length > 0) break;
      }
    }
    return byFrequency(near).slice(0, MAX_FALLBACKS).map((i) => i.term);
  }

  /**
   * The query a text stands for: {groups: [{word, kind, terms}], infos, bonus, corrections}.
   * A group is one analyzed word ('word'), the last word with its completions ('prefix') or an
   * unknown word replaced by its closest terms ('typo'); infos are the plan's distinct known
   * terms (at most MAX_PLAN_TERMS, in plan order) and every group's terms are among them.
   */
  async plan(text, prefix) {
    const groups = [...new Set(analyze(text))].slice(0, MAX_TERMS).map((w) => ({ word: w, kind: 'word', terms: [w] }));
    const p = prefix ? lastPrefix(text) : null;
    // Every shard the plan needs is requested at once: one round trip, not one per word.
    groups.forEach((g) => g.terms.forEach((t) => this.lookup(t).catch(() => {})));
    if (p) {
      let g = groups.find((x) => x.word === p.text);
      if (!g) groups.push((g = { word: p.text, kind: 'word', terms: [] }));
      g.kind = 'prefix';
      g.terms.push(...(await this.expand(p.text)));
    }
    const known = async (g) => (await Promise.all(g.terms.map((t) => this.lookup(t)))).filter((i) => i);
    const found = await Promise.all(groups.map(async (g) => {
      let infos = await known(g);
      if (infos.length === 0) {
        g.terms = await this.fallback(g.word);
        if (g.terms.length > 0) g.kind = 'typo';
        infos = await known(g);
      }
      return infos;
    }));
    // The term cap applies in group order, whatever order the fetches completed in.
    const infoOf = new Map();
    groups.forEach((g, n) => {
      for (const i of found[n]) if (infoOf.size < MAX_PLAN_TERMS || infoOf.has(i.term)) infoOf.set(i.term, i);
      const counted = g.kind === 'prefix' && this.wordDominates(g.word, found[n]) ? [g.word] : found[n].map((i) => i.term);
      g.terms = counted.filter((t) => infoOf.has(t));
    });
    const infos = [...infoOf.values()];
    let max = 0;
    for (const i of infos) max += i.tiers[0].scores[0];
    const corrections = groups.filter((g) => g.kind === 'typo').map((g) => ({ word: g.word, terms: g.terms }));
    return { groups: groups.filter((g) => g.terms.length > 0), infos, bonus: bonusAbove(max), corrections };
  }

  /**
   * Does the typed word stand for its prefix group alone? Yes when it is a term with at least
   * wordShare times the document frequency of its most frequent completion (QueryPlan.wordDominates).
   */
  wordDominates(word, infos) {
    const self = infos.find((i) => i.term === word);
    const top = infos.reduce((m, i) => (i.term === word ? m : Math.max(m, i.df)), 0);
    return self !== undefined && self.df >= this.wordShare * top;
  }

  /** Postings tiers [from, to] of a term; those not read yet come in one range request. */
  async tiers(info, from, to) {
    const missing = [];
    for (let t = Math.max(from, 1); t <= to; t++) if (!info.tiers[t]) missing.push(t);
    if (missing.length > 0) {
      const bytes = await Promise.all(this.loader.ranges(`t/${info.pack}.bin`, missing.map((t) => info.ranges[t - 1])));
      missing.forEach((t, j) => {
        info.tiers[t] ||= parsePostings(bytes[j], info.bounds[t - 1]);
      });
    }
    return info.tiers.slice(from, to + 1);
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

  /** [[slug, Chinese name, English name]] of the site's topics (an empty list on a site without any). */
  async topics() {
    try {
      return (await this.loader.get('f/topics.json', 'json')).topics;
    } catch (e) {
      return [];
    }
  }

  /**
   * Top `k` papers for `text`: {hits: [{doc, score, max, exact}], terms, corrections, more, count,
   * rounds}. With sort 'newest' the hits are every paper matching the most words (all of them when
   * any paper has them all), newest first, and count is exact. count is {min, max} papers
   * matching; rounds (relevance only) the rounds of deeper postings it read after the shards.
   *
   * prefetch: start fetching the result data of papers as soon as they are certain to be in the
   * top k, while deeper postings still load (the page then shows them without another round).
   *
   * onPrefix(hits, terms) (relevance only): called while deeper postings load, each time the
   * provisional top k starts with more papers certain to hold those ranks in the final order
   * ({doc} each), so a page can show the first results before the rest are certain. Every such
   * list is a prefix of the final hits.
   */
  async search(text, { k = 10, prefix = true, channel = '', from = '', to = '', topic = '', sort = 'relevance', prefetch = false, onPrefix = null } = {}) {
    await this.open();
    const plan = await this.plan(text, prefix);
    const terms = plan.infos.map((i) => i.term);
    const accept = await this.filter({ channel, from, to, topic });
    // An empty filter needs no postings at all (reading on would fetch every tier).
    if (accept === NOTHING || plan.infos.length === 0) {
      return { hits: [], terms, corrections: plan.corrections, more: false, count: { min: 0, max: 0 } };
    }
    const early = onPrefix && ((hits) => onPrefix(hits, terms));
    const r = sort === 'newest' ? await this.newest(plan, accept) : await this.topK(plan, k, accept, prefetch, early);
    return { ...r, terms, corrections: plan.corrections };
  }

  /** Reads every posting of the plan: the papers with the most groups, in doc (date) order. */
  async newest(plan, accept) {
    const acc = new Map();
    const masks = groupMasks(plan);
    for (let i = 0; i < plan.infos.length; i++) {
      const info = plan.infos[i];
      for (const block of await this.tiers(info, 0, info.ranges.length)) {
        for (const d of block.docs) {
          if (accept && !accept(d)) continue;
          acc.set(d, (acc.get(d) || 0) | (1 << i));
        }
      }
    }
    let best = 0;
    const matched = new Map();
    for (const [d, mask] of acc) {
      const g = groupCount(masks, mask);
      matched.set(d, g);
      if (g > best) best = g;
    }
    const docs = [...matched].filter(([, g]) => g === best).map(([d]) => d).sort((a, b) => a - b);
    const hits = docs.map((doc) => ({ doc, score: 0, max: 0, exact: false }));
    return { hits, more: false, count: { min: docs.length, max: docs.length }, all: best === plan.groups.length };
  }

  async topK(plan, k, accept, prefetch, onPrefix) {
    const { infos, bonus } = plan;
    const masks = groupMasks(plan);
    const state = infos.map((info) => ({ info, next: 1, rem: info.bounds.length > 0 ? info.bounds[0] : 0 }));
    const acc = new Map(); // doc -> {sum of the term scores seen, bit i set when term i was seen}
    const add = (i, block) => {
      const bit = 1 << i;
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
    let rounds = 0;
    let told = 0; // the longest ordered prefix already passed to onPrefix
    for (;;) {
      let remAll = 0;
      let open = 0; // terms with unread postings
      state.forEach((s, i) => {
        remAll += s.rem;
        if (s.rem > 0) open |= 1 << i;
      });
      const openGroups = masks.filter((m) => (m & open) !== 0).length;
      // The best a paper can still gain: the unread maximum of every term it was not seen in,
      // and the bonus of every group it does not match yet but still could.
      const gain = new Map();
      const missing = (mask) => {
        let g = gain.get(mask);
        if (g === undefined) {
          g = 0;
          for (let i = 0; i < state.length; i++) {
            if (state[i].rem > 0 && ((mask >> i) & 1) === 0) g += state[i].rem;
          }
          for (const m of masks) if ((m & mask) === 0 && (m & open) !== 0) g += bonus;
          gain.set(mask, g);
        }
        return g;
      };
      // Top k by (lower bound desc, doc asc), kept sorted by insertion: O(n log k), no full sort.
      const top = [];
      for (const [doc, a] of acc) {
        const lo = fround(a.sum + bonus * groupCount(masks, a.mask));
        if (top.length === k && !ahead(lo, doc, top[k - 1])) continue;
        let at = top.length;
        while (at > 0 && ahead(lo, doc, top[at - 1])) at--;
        top.splice(at, 0, { doc, lo, a });
        if (top.length > k) top.pop();
      }
      for (const t of top) t.hi = fround(t.a.sum + bonus * groupCount(masks, t.a.mask) + missing(t.a.mask));
      const unseen = fround(remAll + bonus * openGroups);
      const upper = (a) => fround(a.sum + bonus * groupCount(masks, a.mask) + missing(a.mask));
      if (remAll === 0 || settled(top, k, acc, upper, unseen)) {
        // The order is certain; a score is exact only when every term was seen or exhausted
        // for that paper (otherwise it lies in [score, max] and reading on would only cost bytes).
        const hits = top.map((c) => ({ doc: c.doc, score: c.lo, max: c.hi, exact: c.lo === c.hi }));
        return { hits, more: acc.size > k || remAll > 0, count: count(infos, acc, remAll, accept), rounds };
      }
      // The order is not certain yet, but some papers may already be certain to be shown (their
      // result data then loads while the deeper postings do), and the first few certain of
      // their ranks (the page can show them now).
      if (prefetch || onPrefix) {
        const bounds = [];
        for (const [doc, a] of acc) bounds.push({ doc, hi: upper(a) });
        if (prefetch) this.rows(certain(top, k, bounds, unseen));
        const known = onPrefix ? orderedPrefix(top, bounds, unseen) : 0;
        if (known > told) {
          told = known;
          onPrefix(top.slice(0, known).map((t) => ({ doc: t.doc })));
        }
      }
      rounds++;
      // Read further into every term with unread postings, in one round of requests: the
      // threshold has to fall below every term's remaining best score sooner or later. Each
      // term reads its next tier and as many after it as fit in READ_AHEAD_BYTES, one range
      // request per term: a round trip costs more than those bytes (docs/BENCHMARKS.md, Search).
      const deeper = state.filter((s) => s.rem > 0).map((s) => {
        const len = (t) => s.info.ranges[t - 1][1] - s.info.ranges[t - 1][0];
        let last = s.next;
        let bytes = len(last);
        while (last < s.info.ranges.length && bytes + len(last + 1) <= this.readAhead) bytes += len(++last);
        return { s, last };
      });
      const runs = await Promise.all(deeper.map(({ s, last }) => this.tiers(s.info, s.next, last)));
      deeper.forEach(({ s, last }, j) => {
        for (const block of runs[j]) add(state.indexOf(s), block);
        s.next = last + 1;
        s.rem = s.next <= s.info.bounds.length ? s.info.bounds[s.next - 1] : 0;
      });
    }
  }

  /**
   * The result data file and row of a doc number. Files are counted from the oldest paper: doc
   * numbers run newest first, so a new day's papers take the first numbers and every other
   * paper's position from the end, hence its file, stays as it was (a rebuild rewrites few files).
   */
  place(d) {
    const k = this.manifest.docs - 1 - d;
    return [Math.floor(k / this.manifest.chunkDocs), k % this.manifest.chunkDocs];
  }

  /** The result data files of doc numbers, requested (or taken from the cache) at once. */
  rows(docNumbers) {
    return docNumbers.map((d) => this.loader.get(`r/${this.place(d)[0]}.json`, 'json'));
  }

  /** Result rows for doc numbers, in the given order. */
  async docs(docNumbers) {
    const chunks = await Promise.all(this.rows(docNumbers));
    return docNumbers.map((d, i) => {
      const [id, titleEn, titleZh, tldrZh, tldrEn, listings] = chunks[i][this.place(d)[1]];
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

/** Twice the smallest power of two >= max: B × groups then always outweighs any BM25 sum. */
export function bonusAbove(max) {
  let b = 1;
  while (b < max) b *= 2;
  return 2 * b;
}

/** Optimal string alignment distance (a transposition counts 1), or limit + 1 when above limit. */
export function editDistance(a, b, limit) {
  const n = a.length;
  const m = b.length;
  let prev2 = null;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[m], limit + 1);
}

function byFrequency(infos) {
  return [...infos].sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/** For each group, the bits of its terms among plan.infos. */
function groupMasks(plan) {
  const index = new Map(plan.infos.map((i, n) => [i.term, n]));
  return plan.groups.map((g) => g.terms.reduce((m, t) => m | (1 << index.get(t)), 0));
}

function groupCount(masks, mask) {
  let n = 0;
  for (const m of masks) if ((m & mask) !== 0) n++;
  return n;
}

/** Papers matching any term: exact when every posting was read, else bounded by the dfs. */
function count(infos, acc, remAll, accept) {
  if (remAll === 0) return { min: acc.size, max: acc.size };
  const sum = infos.reduce((s, i) => s + i.df, 0);
  const most = infos.reduce((s, i) => Math.max(s, i.df), 0);
  return { min: accept ? acc.size : Math.max(acc.size, most), max: sum };
}

function fround(x) {
  return Math.fround(x);
}

/** Is `top` certainly Lucene's top k, in order? `upper` bounds a seen paper's final score. */
function settled(top, k, acc, upper, unseen) {
  for (let j = 0; j + 1 < top.length; j++) {
    if (!beats(top[j], top[j + 1])) return false;
  }
  if (top.length < k) return false; // more papers may still turn up in unread postings
  const last = top[k - 1];
  const inTop = new Set(top.map((t) => t.doc));
  for (const [doc, a] of acc) {
    if (inTop.has(doc)) continue;
    if (!beats(last, { doc, lo: 0, hi: upper(a) })) return false;
  }
  // A paper not seen in any list scores at most `unseen`, and its doc number is unknown.
  return last.lo > unseen;
}

/**
 * The papers of `top` certain to be in the final top k, in whatever order: an unseen paper cannot
 * reach them and fewer than k seen ones could still rank before them.
 */
function certain(top, k, bounds, unseen) {
  const out = [];
  for (const t of top) {
    if (!(t.lo > unseen)) break; // top is sorted by lower bound: the rest cannot pass either
    let rivals = 0;
    for (const b of bounds) {
      if (b.doc !== t.doc && !beats(t, b) && ++rivals >= k) break;
    }
    if (rivals < k) out.push(t.doc);
  }
  return out;
}

/**
 * How many papers at the head of `top` are certain to hold exactly those ranks in the final top
 * k: each beats every paper not before it, seen (by its upper bound in `bounds`) or unseen.
 */
function orderedPrefix(top, bounds, unseen) {
  const before = new Set();
  for (const t of top) {
    if (!(t.lo > unseen)) break;
    for (const b of bounds) {
      if (b.doc !== t.doc && !before.has(b.doc) && !beats(t, b)) return before.size;
    }
    before.add(t.doc);
  }
  return before.size;
}

// a certainly ranks before b: its lowest possible score beats b's highest (ties: lower doc first)
function beats(a, b) {
  return a.lo > b.hi || (a.lo === b.hi && a.doc < b.doc);
}

// (lo, doc) ranks before t by lower bound, ties by doc number as Lucene breaks them
function ahead(lo, doc, t) {
  return lo > t.lo || (lo === t.lo && doc < t.doc);
}
