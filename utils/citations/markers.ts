/**
 * Citation markers in Kimi's answers: `[P3]`, `[P3, P7]`, `[P3–P5]`, and the
 * full-width `【P3】` Kimi likes in Chinese. Anything else in brackets is text.
 */
const ITEM = String.raw`P\d{1,5}(?:\s*[-–—~]\s*P?\d{1,5})?`;
const SEP = String.raw`\s*[,;，；、]?\s*`;
const GROUP = String.raw`[[【]\s*${ITEM}(?:${SEP}${ITEM})*\s*[\]】]`;

/** A fresh global regex for complete marker groups (global regexes carry state, so never share one). */
export const markerPattern = (): RegExp => new RegExp(GROUP, 'gi');

/** A marker still being streamed at the very end of the text: hidden until it completes. */
const PARTIAL = new RegExp(String.raw`[[【]\s*(?:P(?:\d{1,5}(?:\s*[-–—~,;，；、]\s*P?\d{0,5})*)?)?\s*$`, 'i');

/** Longest range a marker may name: `[P1–P99999]` must not build a huge list. */
const MAX_RANGE = 20;

/** The passage numbers one marker group names, in order, without repeats. */
export function markerNumbers(group: string): number[] {
  const out: number[] = [];
  for (const m of group.matchAll(/P(\d{1,5})(?:\s*[-–—~]\s*P?(\d{1,5}))?/gi)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    const last = to >= from && to - from < MAX_RANGE ? to : from;
    for (let n = from; n <= last; n++) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** Every passage number the answer cites. */
export function citedNumbers(answer: string): Set<number> {
  const cited = new Set<number>();
  for (const m of answer.matchAll(markerPattern())) for (const n of markerNumbers(m[0])) cited.add(n);
  return cited;
}

/** How many characters at the end of `text` are an unfinished marker (0 if none). */
export function partialMarkerLength(text: string): number {
  const m = PARTIAL.exec(text.slice(-48));
  return m ? m[0].length : 0;
}

/** The answer with every marker removed: for copying or reading aloud without the numbers. */
export function withoutMarkers(answer: string): string {
  return answer.replace(new RegExp(String.raw`\s?${GROUP}`, 'gi'), '');
}
