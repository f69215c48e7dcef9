// TeX in paper text ($\Gamma_A + \lambda \Gamma_B$) as MathML, which browsers render natively.
// The build adds this script only to pages whose text has TeX (paperbake.render.TexMath, with the
// same pattern as DELIMITED below), and this script loads Temml only when it finds some.
//
// The TeX is untrusted digest text, so:
// - Temml runs with trust off (no \href, \url, \htmlClass...), and limits on size and macro expansion;
// - its output is not inserted as markup: it is parsed as XML in a separate document, and only
//   MathML elements and a short list of presentation attributes are copied into the page (no
//   style attribute, which the CSP forbids, no href, no event handler, no foreign element);
// - TeX that Temml cannot parse, or that comes out as anything else, stays as the original text.

const MATHML = 'http://www.w3.org/1998/Math/MathML';
// $...$ not followed by a digit, whose TeX does not start or end with a space or (as "$ \pi $"
// in real abstracts) holds a backslash, ^, _ or a brace: so "$5 and $10" stays text.
const DELIMITED = /\$((?:[^\s$](?:[^$\n]*?[^\s$])?|\s[^$\n]*?[\\^_{][^$\n]*?))\$(?!\d)/g;
const ATTRIBUTES = new Set(['display', 'displaystyle', 'scriptlevel', 'mathvariant', 'stretchy', 'fence',
  'separator', 'lspace', 'rspace', 'largeop', 'movablelimits', 'accent', 'accentunder', 'form', 'symmetric',
  'minsize', 'maxsize', 'width', 'height', 'depth', 'columnalign', 'rowspacing', 'columnspacing', 'linethickness',
  'mathcolor', 'mathbackground', 'notation', 'voffset', 'rowalign', 'columnlines', 'rowlines', 'frame']);
const OPTIONS = { throwOnError: true, trust: false, strict: false, maxSize: 20, maxExpand: 200 };

function loadTemml(base) {
  if (window.temml) return Promise.resolve(window.temml);
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = base + 'js/vendor/temml.min.js';
    s.onload = () => (window.temml ? resolve(window.temml) : reject(new Error('temml did not load')));
    s.onerror = reject;
    document.head.append(s);
  });
}

/** A copy of the parsed MathML made of allowed parts only, or null if anything else is in it. */
function copy(node) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.data);
  if (node.nodeType !== Node.ELEMENT_NODE || node.namespaceURI !== MATHML) return null;
  const out = document.createElementNS(MATHML, node.localName);
  for (const a of node.attributes) {
    if (a.namespaceURI === null && ATTRIBUTES.has(a.name) && !/[()]/.test(a.value)) out.setAttribute(a.name, a.value);
  }
  for (const child of node.childNodes) {
    if (child.nodeType === Node.COMMENT_NODE) continue;
    const c = copy(child);
    if (c === null) return null;
    out.append(c);
  }
  return out;
}

function render(temml, tex) {
  // Temml writes <math> without a namespace (HTML's parser would add it); XML's parser needs it said.
  const markup = temml.renderToString(tex, OPTIONS).replace(/^<math(?=[\s>])/, `<math xmlns="${MATHML}"`);
  const xml = new DOMParser().parseFromString(markup, 'application/xml');
  const root = xml.documentElement;
  if (xml.getElementsByTagName('parsererror').length > 0 || root.localName !== 'math') return null;
  return copy(root);
}

function texNodes(root) {
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    DELIMITED.lastIndex = 0;
    if (DELIMITED.test(n.data)) found.push(n);
  }
  return found;
}

function typeset(temml, node) {
  const text = node.data;
  const parts = document.createDocumentFragment();
  let last = 0;
  let changed = false;
  for (const m of text.matchAll(DELIMITED)) {
    let math = null;
    try {
      math = render(temml, m[1]);
    } catch (e) {
      math = null; // broken TeX: shown as written
    }
    if (!math) continue;
    parts.append(text.slice(last, m.index), math);
    last = m.index + m[0].length;
    changed = true;
  }
  if (!changed) return;
  parts.append(text.slice(last));
  node.replaceWith(parts);
}

async function main() {
  const nodes = [...document.querySelectorAll('[data-tex]')].flatMap(texNodes);
  if (nodes.length === 0) {
    document.documentElement.dataset.math = 'none';
    return;
  }
  // This module is <base>js/math.js: its own URL names the site's base, with no tag on every page to say it.
  const base = new URL('../', import.meta.url).pathname;
  const temml = await loadTemml(base);
  for (const n of nodes) {
    typeset(temml, n);
    // One text node per task, so a long abstract never blocks input for long (Lighthouse's TBT).
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  document.documentElement.dataset.math = 'ready'; // for tests: typesetting is done
}

main().catch(() => { /* Temml missing: the TeX stays as text */ });
