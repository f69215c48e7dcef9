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
    if (!this.cache.has(path)) this.keep(path, this.load(path, kind));
    return this.cache.get(path);
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
   * cached by its start, so a member read before is not fetched again. A `framed` span holds
   * its member's length (2 bytes, big-endian), the member, then zeros (a term shard).
   */
  ranges(path, spans, framed = false) {
    const keys = spans.map(([start]) => `${path}#${start}`);
    const missing = spans.filter((_, i) => !this.cache.has(keys[i]));
    if (missing.length > 0) {
      const read = this.range(path, missing[0][0], missing[missing.length - 1][1]);
      for (const [start, end] of missing) {
        this.keep(`${path}#${start}`, read.then((r) => {
          const span = r.slice(start, end);
          return inflate(streamOf(framed ? span.subarray(2, 2 + ((span[0] << 8) | span[1])) : span));
        }));
      }
    }
    return keys.map((k) => this.cache.get(k));
  }

  /**
   * Bytes [from, to) of a file, as {slice(start, end)} in the file's own offsets. A host that
   * ignores ranges sends the whole file: still correct, just expensive, and kept for the
   * session so that it is sent once, not for every later range of the same file.
   */
  range(path, from, to) {
    const whole = this.cache.get(`${path}#whole`);
    if (whole) return whole;
    return (async () => {
      this.requests++;
      // Not through the HTTP cache: it lets one request at a time at a URL, so a round's ranges
      // of one pack would load one after another (docs/BENCHMARKS.md, Search); this cache
      // keeps what was read for the session.
      const res = await fetch(this.base + path, { headers: { Range: `bytes=${from}-${to - 1}` }, cache: 'no-store' });
      if (res.status !== 206 && res.status !== 200) throw new Error(`search index: ${path}: HTTP ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const at = res.status === 206 ? from : 0;
      const view = { slice: (start, end) => bytes.subarray(start - at, end - at) };
      if (res.status === 200) this.cache.set(`${path}#whole`, Promise.resolve(view));
      return view;
    })();
  }

  keep(key, p) {
    this.cache.set(key, p);
    // A failed request must not poison the cache.
    p.catch(() => this.cache.delete(key));
  }
}

/** Bytes in hand as a stream, without a Blob (Chromium makes each in its browser process: a round trip). */
function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

async function inflate(body) {
  const stream = body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
