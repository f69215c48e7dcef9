// Decoding of the static index files written by paperbake.index.SearchIndexWriter (the file
// spec is that class's javadoc): varints, doubles, strings, postings groups, shards and the
// front-coded shard boundaries. No fetching and no query logic here.

export const FORMAT = 4;

const decoder = new TextDecoder();

export class Reader {
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

  /** Groups of equal score, score descending: {docs, scores}, docs ascending within a group. */
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

/** Decodes postings bytes (a deeper tier, already inflated). */
export function parsePostings(bytes) {
  return new Reader(bytes).postings();
}

/**
 * A term shard: {list, byTerm}; each entry {term, df, ordinal, bounds, tiers, pack, ranges}
 * where tiers[0] is the inline tier, bounds[k - 1] the best score of tier k and ranges[k - 1]
 * its byte range in pack t/<pack>.bin.
 */
export function parseShard(bytes) {
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

// Shard boundaries as paperbake.index.FrontCoding writes them: per string, one character
// '0' + (length of the prefix shared with the previous string), then the rest; space-separated.
export function frontDecode(coded) {
  const out = [];
  if (!coded) return out;
  let previous = '';
  for (const e of coded.split(' ')) {
    previous = previous.slice(0, e.charCodeAt(0) - 48) + e.slice(1);
    out.push(previous);
  }
  return out;
}
