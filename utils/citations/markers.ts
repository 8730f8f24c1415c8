/**
 * Citation markers in Kimi's answers: `[P3]`, `[P3, P7]`, `[P3–P5]`, and the
 * full-width `【P3】` Kimi likes in Chinese. Anything else in brackets is text.
 *
 * A hand-written scanner, not a regex: the grammar (items with optional spaces and
 * separators) made the regex backtrack exponentially on an unclosed `[P1 P2 … P24`.
 * A group can never contain another bracket, so every character is read by at most
 * one attempt: linear in the text.
 */
const OPEN = new Set(['[', '【']);
const CLOSE = new Set([']', '】']);
const DASH = new Set(['-', '–', '—', '~']);
const SEPARATOR = new Set([',', ';', '，', '；', '、']);
const SPACE = /\s/;
const MAX_DIGITS = 5;

/** Longest range a marker may name: `[P1–P99999]` must not build a huge list. */
const MAX_RANGE = 20;

/** One complete marker group in a text. */
export interface MarkerMatch {
  index: number;
  /** The group's source, brackets included. */
  text: string;
  /** The passage numbers it names, in order, without repeats. */
  numbers: number[];
}

type Scan = { end: number; numbers: number[] } | 'partial' | null;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isP = (c: string | undefined) => c === 'P' || c === 'p';

/** Reads a marker group opening at `start`: complete, cut off by the end of the text ('partial'), or none. */
function scanGroup(s: string, start: number): Scan {
  const n = s.length;
  let i = start + 1;
  const skipSpace = () => {
    while (i < n && SPACE.test(s[i])) i++;
  };
  /** Reads 1–5 digits at i; -1 when there are none or too many, -2 at the end of the text. */
  const number = (): number => {
    const from = i;
    while (i < n && isDigit(s[i])) i++;
    if (i === from) return i === n ? -2 : -1;
    return i - from > MAX_DIGITS ? -1 : Number(s.slice(from, i));
  };
  const numbers: number[] = [];
  const add = (from: number, to: number) => {
    const last = to >= from && to - from < MAX_RANGE ? to : from;
    for (let k = from; k <= last; k++) if (!numbers.includes(k)) numbers.push(k);
  };
  skipSpace();
  for (;;) {
    if (i === n) return 'partial';
    if (!isP(s[i])) return null;
    i++;
    const from = number();
    if (from < 0) return from === -2 ? 'partial' : null;
    let to = from;
    const afterItem = i;
    skipSpace();
    if (i < n && DASH.has(s[i])) {
      i++;
      skipSpace();
      if (isP(s[i])) i++;
      to = number();
      if (to < 0) return to === -2 ? 'partial' : null;
    } else {
      i = afterItem;
    }
    add(from, to);
    skipSpace();
    if (i === n) return 'partial';
    if (CLOSE.has(s[i])) return { end: i + 1, numbers };
    if (SEPARATOR.has(s[i])) {
      i++;
      skipSpace();
    }
  }
}

/** Every complete marker group in `text`, left to right. */
export function* findMarkers(text: string): Generator<MarkerMatch> {
  for (let i = 0; i < text.length; i++) {
    if (!OPEN.has(text[i])) continue;
    const scan = scanGroup(text, i);
    if (scan === null || scan === 'partial') continue;
    yield { index: i, text: text.slice(i, scan.end), numbers: scan.numbers };
    i = scan.end - 1;
  }
}

/** The passage numbers one marker group names, in order, without repeats (none if it is not a group). */
export function markerNumbers(group: string): number[] {
  const scan = OPEN.has(group[0]) ? scanGroup(group, 0) : null;
  return scan && scan !== 'partial' ? scan.numbers : [];
}

/** Every passage number the answer cites. */
export function citedNumbers(answer: string): Set<number> {
  const cited = new Set<number>();
  for (const m of findMarkers(answer)) for (const n of m.numbers) cited.add(n);
  return cited;
}

/** How far back from the end an unfinished marker is looked for (the cost of each streamed frame). */
const PARTIAL_WINDOW = 48;

/** How many characters at the end of `text` are an unfinished marker (0 if none). */
export function partialMarkerLength(text: string): number {
  const from = Math.max(0, text.length - PARTIAL_WINDOW);
  for (let i = text.length - 1; i >= from; i--) {
    if (CLOSE.has(text[i])) return 0;
    if (OPEN.has(text[i])) return scanGroup(text, i) === 'partial' ? text.length - i : 0;
  }
  return 0;
}

/** The answer with every marker (and one space before it) removed: for copying without the numbers. */
export function withoutMarkers(answer: string): string {
  let out = '';
  let at = 0;
  for (const m of findMarkers(answer)) {
    const cut = m.index > at && SPACE.test(answer[m.index - 1]) ? m.index - 1 : m.index;
    out += answer.slice(at, cut);
    at = m.index + m.text.length;
  }
  return out + answer.slice(at);
}
