// Network access to the static index: cached, counted (tests and the benchmark read the
// count), gzip inflated with DecompressionStream, deeper postings tiers by HTTP range request.

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
    const res = await fetch(this.base + path);
    if (!res.ok) throw new Error(`search index: ${path}: HTTP ${res.status}`);
    if (kind === 'json') return res.json();
    // Binary index files are stored gzipped (static hosts do not compress binary types).
    return inflate(res.body);
  }

  /** One gzip member of a pack file: bytes [start, end) by HTTP range request, inflated. */
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
