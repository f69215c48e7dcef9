// Decoding of the static index files written by paperbake.index.SearchIndexWriter (the file
// spec is that class's javadoc): varints, doubles, strings, postings groups, shards and the
// front-coded shard boundaries. No fetching and no query logic here.

export const FORMAT = 6;

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

  /**
   * Groups of equal score, score descending: {docs, scores}, docs ascending within a group. A
   * later group's score is the previous one's IEEE bits minus a varint shifted left by the tier's
   * shift (0: a float64 of the score follows); the first is a float64 unless given (a deeper
   * tier's first score is its bound).
   */
  postings(first) {
    const groups = this.varint();
    const unit = groups > 1 ? 2 ** this.varint() : 0; // 2^shift
    const docs = [];
    const scores = [];
    let hi = 0;
    let lo = 0;
    for (let g = 0; g < groups; g++) {
      let score;
      const step = g === 0 ? 0 : this.varint();
      if (g === 0 && first !== undefined) {
        score = first;
      } else if (g === 0 || step === 0) {
        score = this.f64();
      } else {
        // step × 2^shift is exact in a double (a power of two times an integer below 2^50);
        // subtract it from the 64-bit pattern as two 32-bit halves.
        const sub = step * unit;
        const subHi = Math.floor(sub / TWO32);
        lo -= sub - subHi * TWO32;
        hi -= subHi;
        if (lo < 0) {
          lo += TWO32;
          hi -= 1;
        }
        bitsView.setUint32(0, lo, true);
        bitsView.setUint32(4, hi, true);
        score = bitsView.getFloat64(0, true);
      }
      if (g === 0 || step === 0) {
        bitsView.setFloat64(0, score, true);
        lo = bitsView.getUint32(0, true);
        hi = bitsView.getUint32(4, true);
      }
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

const TWO32 = 2 ** 32;
const bitsView = new DataView(new ArrayBuffer(8));

/** Decodes postings bytes (a deeper tier, already inflated) whose first score is first (its bound). */
export function parsePostings(bytes, first) {
  return new Reader(bytes).postings(first);
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

const UNIT_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Where each term shard is: {pack, start, end}, arrays by shard number, from the manifest's sizes
 * (a base64url character of units - 1 each) and the packs' rule (paperbake.index.TermsWriter:
 * shards follow one another in a pack; one that would pass `limit` bytes opens the next pack).
 */
export function shardBlocks(units, unit, limit) {
  const n = units.length;
  const pack = new Int32Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  let p = -1;
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const length = (UNIT_DIGITS.indexOf(units[i]) + 1) * unit;
    if (length === 0) throw new Error('search index: bad shard size in the manifest');
    if (p < 0 || (offset > 0 && offset + length > limit)) {
      p++;
      offset = 0;
    }
    pack[i] = p;
    start[i] = offset;
    offset += length;
    end[i] = offset;
  }
  return { pack, start, end };
}
