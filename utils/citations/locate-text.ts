/**
 * The page's text reduced to what a quote and the live DOM reliably share:
 * letters and digits, lower-cased. Whitespace, punctuation, quote styles,
 * NBSP, soft hyphens and any Markdown leftovers all drop out, so a quote
 * matches however the page wraps, cells or marks up the same words. Each kept
 * character can be traced back to its text node and offset.
 */

/** Folded code of each UTF-16 unit; 0 = dropped. Filled lazily outside ASCII. */
const FOLD = new Uint16Array(65536);
const KNOWN = new Uint8Array(65536);
const WORDISH = /[\p{L}\p{N}\p{M}]/u;

function foldCode(c: number): number {
  if (KNOWN[c]) return FOLD[c];
  let f = 0;
  // Surrogate halves are kept as they are: emoji and rare ideographs still have to match themselves.
  if (c >= 0xd800 && c <= 0xdfff) f = c;
  else {
    const s = String.fromCharCode(c);
    if (WORDISH.test(s)) {
      const lower = s.toLowerCase();
      f = lower.length === 1 ? lower.charCodeAt(0) : c;
    }
  }
  FOLD[c] = f;
  KNOWN[c] = 1;
  return f;
}

function appendFolded(s: string, buf: Uint16Array, len: number): number {
  // The hot loop of a 10 MB page: table look-ups, a call only for a character not seen before.
  for (let i = 0, n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = KNOWN[c] ? FOLD[c] : foldCode(c);
    if (f) buf[len++] = f;
  }
  return len;
}

function toText(buf: Uint16Array, len: number): string {
  const parts: string[] = [];
  for (let i = 0; i < len; i += 8192) parts.push(String.fromCharCode.apply(null, buf.subarray(i, Math.min(len, i + 8192)) as unknown as number[]));
  return parts.join('');
}

/** A quote (or any string) folded the same way as the page. */
export function foldText(s: string): string {
  const buf = new Uint16Array(s.length);
  return toText(buf, appendFolded(s, buf, 0));
}

/** Never read as page text; `hidden` is the one kind of hiding that is free to see. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'iframe', 'object', 'svg', 'math', 'head']);

/** Text nodes under `root` in document order, entering open shadow roots where their hosts are. */
export function textNodes(root: Node, out: Text[] = []): Text[] {
  let n: Node | null = root.firstChild;
  while (n) {
    let down = false;
    if (n.nodeType === 3) out.push(n as Text);
    else if (n.nodeType === 1) {
      const el = n as HTMLElement;
      if (!SKIP.has(el.localName) && !el.hidden) {
        if (el.shadowRoot) textNodes(el.shadowRoot, out);
        down = !!el.firstChild;
      }
    }
    if (down) {
      n = n.firstChild;
      continue;
    }
    let up: Node | null = n;
    while (up && up !== root && !up.nextSibling) up = up.parentNode;
    if (!up || up === root) return out;
    n = up.nextSibling;
  }
  return out;
}

export interface TextMap {
  /** Folded text of every node, concatenated. */
  text: string;
  nodes: Text[];
  /** starts[i] = index in `text` of nodes[i]'s first kept character; starts[nodes.length] = text.length. */
  starts: Int32Array;
}

/** One pass over the text nodes: the folded text and where each node begins in it. */
export function buildTextMap(root: Node): TextMap {
  const nodes = textNodes(root);
  const starts = new Int32Array(nodes.length + 1);
  let buf = new Uint16Array(1 << 16);
  let len = 0;
  for (let i = 0; i < nodes.length; i++) {
    starts[i] = len;
    const data = nodes[i].data;
    if (len + data.length > buf.length) {
      const bigger = new Uint16Array(Math.max(buf.length * 2, len + data.length));
      bigger.set(buf.subarray(0, len));
      buf = bigger;
    }
    len = appendFolded(data, buf, len);
  }
  starts[nodes.length] = len;
  return { text: toText(buf, len), nodes, starts };
}

/**
 * The DOM point of folded index `i`: before that character, or after it when
 * `after` (for a range's end).
 */
export function pointAt(map: TextMap, i: number, after: boolean): { node: Text; offset: number } {
  // The last node starting at or before i: nodes without kept characters share the next one's start, so it is never one of those.
  let lo = 0;
  let hi = map.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  const node = map.nodes[lo];
  const data = node.data;
  let k = i - map.starts[lo];
  for (let j = 0; j < data.length; j++) {
    if (foldCode(data.charCodeAt(j)) && k-- === 0) return { node, offset: after ? j + 1 : j };
  }
  return { node, offset: data.length };
}

const SPACE = /\s/;

/**
 * Widens a point over punctuation glued to the word it touches ("dog." or
 * “over”), which folding dropped, so the mark covers what a reader sees as
 * the passage. Stays inside the text node.
 */
export function widenPoint(p: { node: Text; offset: number }, forward: boolean): { node: Text; offset: number } {
  const data = p.node.data;
  let o = p.offset;
  if (forward) while (o < data.length && !foldCode(data.charCodeAt(o)) && !SPACE.test(data[o])) o++;
  else while (o > 0 && !foldCode(data.charCodeAt(o - 1)) && !SPACE.test(data[o - 1])) o--;
  return { node: p.node, offset: o };
}
