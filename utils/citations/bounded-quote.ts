/**
 * What a saved citation keeps of its passage: a short quote, not the passage. A passage can be a whole
 * page-long paragraph, and every cited one used to be saved in full with the turn; the start of the
 * passage is enough to show it on hover and to find it again in the page (locate.ts matches the start
 * exactly, and folding ignores the ellipsis).
 */
export const SAVED_QUOTE_CHARS = 300;
export const ELLIPSIS = '…';

/** How far back from the limit a space is looked for, so a word is not cut in half. */
const WORD_LOOKBACK = 60;
/** Combining marks and joiners belong to the character before them: a cut never separates them. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: tested one code point at a time, so each of these stands alone.
const JOINS = /[\p{M}\u200d\ufe0e\ufe0f]/u;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Where to cut `s` so that at most `limit` units stay, on a code-point boundary. */
function codePointCut(s: string, limit: number): number {
  let cut = limit;
  if (cut > 0 && isLow(s.charCodeAt(cut))) cut--;
  // A few steps back over marks/joiners; a string made of nothing else is cut where it is.
  for (let steps = 0; steps < 8 && cut > 1 && JOINS.test(s.slice(cut, cut + 1)); steps++) {
    cut--;
    if (isLow(s.charCodeAt(cut))) cut--;
  }
  return cut;
}

/**
 * `text` itself when it is at most `max` characters (UTF-16 units); otherwise its start, cut after a
 * word where there is a space near the limit (else between two characters, as in Chinese), never inside
 * a surrogate pair, followed by "…". The result is at most `max` long, and without the "…" a prefix of
 * `text`. Applying it twice changes nothing.
 */
export function boundQuote(text: string, max = SAVED_QUOTE_CHARS): string {
  if (text.length <= max) return text;
  const cut = codePointCut(text, max - ELLIPSIS.length);
  let end = cut;
  for (let i = cut; i > 0 && i >= cut - WORD_LOOKBACK; i--) {
    if (isSpace(text.charCodeAt(i))) {
      end = i;
      break;
    }
  }
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end > 0 ? end : cut) + ELLIPSIS;
}
