// The browser twin of paperbake.index.PaperAnalyzer / PaperTokenizer. Every rule here mirrors
// the Java code; SearchAnalyzerVectorsTest runs both over corpus strings and compares the output.

export const ANALYZER_VERSION = 1;

const MAX_WORD = 48;

// Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it',
  'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they',
  'this', 'to', 'was', 'will', 'with',
]);

const SEPARATOR = 0;
const WORD = 1;
const CJK = 2;

const HAN = /^\p{Script=Han}$/u;
const HIRAGANA = /^\p{Script=Hiragana}$/u;
const KATAKANA = /^\p{Script=Katakana}$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

function classify(ch, cp) {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a)
      ? WORD : SEPARATOR;
  }
  if (cp >= 0x2e80 && (HAN.test(ch) || HIRAGANA.test(ch) || KATAKANA.test(ch))) {
    return CJK;
  }
  return WORD_CHAR.test(ch) ? WORD : SEPARATOR;
}

// Per code point NFKC, then lower case (root locale), as PaperTokenizer.normalize does.
function normalizeOne(ch, cp) {
  if (cp < 0x80) {
    return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : ch;
  }
  return ch.normalize('NFKC').toLowerCase();
}

/**
 * Raw tokens of `text`: {text, cjk, start, end, nStart, nEnd} where start/end index the original
 * string (for highlighting) and nStart/nEnd the normalized string (for bigram adjacency).
 */
export function tokenize(text) {
  const out = [];
  let word = null; // {chars: [], start, nStart}
  let n = 0; // position in the normalized string, in UTF-16 units
  let i = 0;
  const flush = (endOrig) => {
    if (word) {
      const t = word.chars.join('');
      if (t.length <= MAX_WORD) {
        const end = Math.max(endOrig, word.minEnd);
        out.push({ text: t, cjk: false, start: word.start, end, nStart: word.nStart, nEnd: n });
      }
      word = null;
    }
  };
  for (const orig of text) {
    const origLen = orig.length;
    const normalized = normalizeOne(orig, orig.codePointAt(0));
    for (const ch of normalized) {
      const cls = classify(ch, ch.codePointAt(0));
      if (cls !== WORD) {
        // A word ends where this original character starts.
        flush(i);
        if (cls === CJK) {
          out.push({ text: ch, cjk: true, start: i, end: i + origLen, nStart: n, nEnd: n + ch.length });
        }
      } else if (!word) {
        word = { chars: [], start: i, minEnd: i + origLen, nStart: n };
      }
      if (cls === WORD) {
        word.chars.push(ch);
      }
      n += ch.length;
    }
    i += origLen;
  }
  flush(i);
  out.normalizedLength = n;
  return out;
}

// Lucene's EnglishMinimalStemmer.
function stem(s) {
  const len = s.length;
  if (len < 3 || s[len - 1] !== 's') return s;
  switch (s[len - 2]) {
    case 'u':
    case 's':
      return s;
    case 'e':
      if (len > 3 && s[len - 3] === 'i' && s[len - 4] !== 'a' && s[len - 4] !== 'e') {
        return s.slice(0, len - 3) + 'y';
      }
      if (s[len - 3] === 'i' || s[len - 3] === 'a' || s[len - 3] === 'o' || s[len - 3] === 'e') {
        return s;
      }
      return s.slice(0, len - 1);
    default:
      return s.slice(0, len - 1);
  }
}

/**
 * Analyzed terms with original offsets, in Lucene's output order: CJK runs become overlapping
 * bigrams (a lone character stays a unigram), stop words drop out, plurals are stemmed.
 */
export function analyzeWithOffsets(text) {
  const raw = tokenize(text);
  const out = [];
  const emit = (term, start, end) => {
    if (STOP_WORDS.has(term)) return;
    out.push({ term: stem(term), start, end });
  };
  let run = [];
  const flushRun = () => {
    if (run.length === 1) {
      emit(run[0].text, run[0].start, run[0].end);
    } else {
      for (let k = 0; k + 1 < run.length; k++) {
        emit(run[k].text + run[k + 1].text, run[k].start, run[k + 1].end);
      }
    }
    run = [];
  };
  for (const t of raw) {
    if (t.cjk) {
      if (run.length > 0 && run[run.length - 1].nEnd !== t.nStart) flushRun();
      run.push(t);
    } else {
      if (run.length > 0) flushRun();
      emit(t.text, t.start, t.end);
    }
  }
  if (run.length > 0) flushRun();
  return out;
}

/** Analyzed terms of `text`, duplicates kept, in order. */
export function analyze(text) {
  return analyzeWithOffsets(text).map((t) => t.term);
}

/**
 * What the last token of a query allows as a prefix, {text, cjk} or null. A Latin word is completed by its
 * analyzed form (stop words kept as typed); a single trailing CJK character (a word just begun)
 * is completed by the bigrams that start with it. A longer CJK run already matches as bigrams.
 */
export function lastPrefix(text) {
  const raw = tokenize(text);
  if (raw.length === 0) return null;
  const last = raw[raw.length - 1];
  if (last.nEnd !== raw.normalizedLength) return null; // ends with a separator: the word is complete
  if (last.cjk) {
    const prev = raw.length > 1 ? raw[raw.length - 2] : null;
    if (prev && prev.cjk && prev.nEnd === last.nStart) return null;
    return { text: last.text, cjk: true };
  }
  const p = STOP_WORDS.has(last.text) ? last.text : stem(last.text);
  return p.length >= 2 ? { text: p, cjk: false } : null;
}

export const _internal = { stem, STOP_WORDS, MAX_WORD };
