// Network access to the static index: cached, counted (tests and the benchmark read the
// count), gzip inflated with DecompressionStream, deeper postings tiers by HTTP range request.

/**
 * The one file fetched through the browser's HTTP cache: the manifest, which the search page
 * preloads (a preload serves only a request like it) and every search needs. Every other file is
 * fetched with no-store and kept in this session's cache instead: going through the HTTP cache
 * (a lookup, then a stored copy of each small response) cost about a fifth of a later query's
 * time in Chromium (docs/BENCHMARKS.md, Search), and all it saves is a re-fetch of a few KB
 * when the page is opened again.
 */
const HTTP_CACHED = 'manifest.json';

export class Loader {
  constructor(base) {
    this.base = base;
    this.cache = new Map();
    this.requests = 0;
  }

  /** A whole file: parsed JSON for kind 'json', else the inflated bytes. */
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
    const res = await fetch(this.base + path, path === HTTP_CACHED ? {} : { cache: 'no-store' });
    if (!res.ok) throw new Error(`search index: ${path}: HTTP ${res.status}`);
    if (kind === 'json') return res.json();
    // Binary index files are stored gzipped (static hosts do not compress binary types).
    return inflate(res.body);
  }

  /**
   * Consecutive gzip members of a pack file, each [start, end), in one HTTP range request (a
   * round trip costs more than a few hundred bytes); each member is inflated on its own and
   * cached by its start, so a member read before is not fetched again.
   */
  ranges(path, spans) {
    const keys = spans.map(([start]) => `${path}#${start}`);
    const missing = spans.filter((_, i) => !this.cache.has(keys[i]));
    if (missing.length > 0) {
      const from = missing[0][0];
      const to = missing[missing.length - 1][1];
      const whole = (async () => {
        this.requests++;
        // Not through the HTTP cache: it lets one request at a time at a URL, so a round's ranges
        // of one pack would load one after another (docs/BENCHMARKS.md, Search); this cache
        // keeps what was read for the session.
        const res = await fetch(this.base + path, { headers: { Range: `bytes=${from}-${to - 1}` }, cache: 'no-store' });
        if (res.status !== 206 && res.status !== 200) throw new Error(`search index: ${path}: HTTP ${res.status}`);
        // A host that ignores ranges sends the whole pack: still correct, just expensive.
        return { bytes: new Uint8Array(await res.arrayBuffer()), at: res.status === 206 ? from : 0 };
      })();
      for (const [start, end] of missing) {
        const key = `${path}#${start}`;
        const p = whole.then(({ bytes, at }) => inflate(new Blob([bytes.subarray(start - at, end - at)]).stream()));
        this.cache.set(key, p);
        p.catch(() => this.cache.delete(key));
      }
    }
    return keys.map((k) => this.cache.get(k));
  }
}

async function inflate(body) {
  const stream = body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
