/**
 * Finds a cited passage in the live page. The quote comes from the extracted
 * text, so the words are the page's but everything around them may differ;
 * both sides are compared folded (locate-text.ts). When the page has changed,
 * the passage's two ends, then its longest surviving beginning or end, stand
 * in for it.
 */
import { buildTextMap, foldText, pointAt, widenPoint, type TextMap } from './locate-text';

export type MatchKind = 'exact' | 'ends' | 'head' | 'tail';

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
  match: MatchKind;
}

/** Ends of at most these many folded characters stand in for a passage the page no longer has whole. */
const END_LENS = [80, 32];
/** A partial match shorter than this could be anywhere: it does not count. */
const MIN_PART = 24;
/** Enough occurrences to choose from without letting a pathological quote spin. */
const MAX_HITS = 2000;

function hits(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0 && out.length < MAX_HITS; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Candidate spans, the one whose start is nearest to `at` (0..1 of the text) first. */
function byNearness(spans: Span[], at: number, total: number): Span[] {
  const d = (s: Span) => Math.abs(s.start / Math.max(1, total) - at);
  return spans.sort((a, b) => d(a) - d(b));
}

/** For each occurrence of the head, the nearest following tail within a plausible distance. */
function endsSpans(text: string, q: string, len: number): Span[] {
  const k = Math.min(len, Math.floor(q.length / 2));
  if (k < MIN_PART / 2) return [];
  const heads = hits(text, q.slice(0, k));
  if (!heads.length) return [];
  const tails = hits(text, q.slice(q.length - k));
  const maxLen = 2 * q.length + 200;
  const spans: Span[] = [];
  for (const h of heads) {
    // First tail starting at or after the head's end (binary search over sorted tails).
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < h + k) lo = mid + 1;
      else hi = mid;
    }
    const t = tails[lo];
    if (t !== undefined && t + k - h <= maxLen) spans.push({ start: h, end: t + k, match: 'ends' });
  }
  return spans;
}

/** The longest prefix (or suffix) of q found in text, at least MIN_PART long; -1 if none. */
function longestPart(text: string, q: string, fromEnd: boolean): number {
  const part = (n: number) => (fromEnd ? q.slice(q.length - n) : q.slice(0, n));
  let lo = Math.min(MIN_PART, q.length);
  if (lo < MIN_PART || !text.includes(part(lo))) return -1;
  let hi = q.length - 1;
  // Finding a part means every shorter one is found too, so the length can be searched by halves.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (text.includes(part(mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function partSpans(text: string, q: string): Span[] {
  const head = longestPart(text, q, false);
  const tail = longestPart(text, q, true);
  if (head < 0 && tail < 0) return [];
  if (head >= tail) return hits(text, q.slice(0, head)).map((s) => ({ start: s, end: s + head, match: 'head' as const }));
  return hits(text, q.slice(q.length - tail)).map((s) => ({ start: s, end: s + tail, match: 'tail' as const }));
}

/** Where the folded quote is in the folded text, best candidates first; empty when nowhere. */
export function findSpans(text: string, quote: string, at: number): Span[] {
  const q = foldText(quote);
  if (!q || !text) return [];
  const exact = hits(text, q).map((s) => ({ start: s, end: s + q.length, match: 'exact' as const }));
  if (exact.length) return byNearness(exact, at, text.length);
  // Long ends first; shorter ones when an edit came close to either end.
  for (const len of END_LENS) {
    const ends = endsSpans(text, q, len);
    if (ends.length) return byNearness(ends, at, text.length);
  }
  return byNearness(partSpans(text, q), at, text.length);
}

export function rangeOf(doc: Document, map: TextMap, span: Span): Range {
  const a = widenPoint(pointAt(map, span.start, false), false);
  let b = widenPoint(pointAt(map, span.end - 1, true), true);
  // A range cannot cross into a shadow tree: keep the part in the tree where it starts.
  if (a.node.getRootNode() !== b.node.getRootNode()) b = { node: a.node, offset: a.node.data.length };
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** Looked at before giving up on a hidden occurrence in favour of the nearest one. */
const VISIBLE_TRIES = 8;

export interface Located {
  range: Range;
  match: MatchKind;
}

/**
 * The passage as a Range in `doc`'s body, or null when the page no longer has
 * it. Of several occurrences the visible one nearest to `at` wins.
 */
export function locatePassage(doc: Document, passage: { quote: string; at: number }): Located | null {
  const root = doc.body ?? doc.documentElement;
  if (!root) return null;
  const map = buildTextMap(root);
  const spans = findSpans(map.text, passage.quote, passage.at);
  if (!spans.length) return null;
  let first: Located | undefined;
  for (const span of spans.slice(0, VISIBLE_TRIES)) {
    const found = { range: rangeOf(doc, map, span), match: span.match };
    first ??= found;
    // Hidden copies (display: none, closed menus) have no boxes.
    if (found.range.getClientRects().length) return found;
  }
  return first!;
}
