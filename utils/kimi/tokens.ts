import { LastFew } from './last-few';

/**
 * A fast, local, deliberately pessimistic token count, used to size
 * max_tokens so that prompt + cap stays inside the context window.
 *
 * The rule (one pass over UTF-16 code units, no tables):
 * - CJK ideographs, kana, Hangul, CJK/full-width punctuation: 1 token per character
 *   (Kimi's own FAQ: 128k tokens ≈ 200k Chinese characters, so real counts are lower).
 * - ASCII letters and digits: 1 token per 3 characters (English averages ~4 per token).
 * - ASCII punctuation and symbols: 1 token each (code is dense in them; real
 *   tokenizers often merge ` {`, `();` — so this errs high on code).
 * - A single space costs nothing (merged into the next word); any other run of
 *   whitespace (newlines, indentation) costs 1.
 * - Other letters (accented Latin, Cyrillic, Greek, Arabic, Indic…): 1 per 2 characters.
 * - Characters outside the BMP (emoji, rare CJK): 2 tokens each.
 * Erring high only costs a somewhat smaller max_tokens; erring low costs a 400.
 */
export function estimateTokens(text: string): number {
  if (text.length < REMEMBER_FROM) return estimateFresh(text);
  const known = remembered.get(text);
  if (known !== undefined) return known;
  const tokens = estimateFresh(text);
  remembered.set(text, tokens);
  return tokens;
}

/**
 * The page is estimated on every question (and by the panel for its coverage
 * line): the last few long texts are remembered. Checking a hit compares the
 * strings, which is far cheaper than estimating them again.
 */
const REMEMBER_FROM = 20_000;
const remembered = new LastFew<number>(2);

/** Forgets the remembered estimates (benchmarks time the first estimate of a text, not a lookup). */
export function forgetTokenEstimates(): void {
  remembered.clear();
}

function estimateFresh(text: string): number {
  let tokens = 0;
  let alnum = 0;
  let otherLetters = 0;
  let spaceRun = 0;
  let spaceRunHasBreak = false;
  const flushSpace = () => {
    if (spaceRun > 1 || spaceRunHasBreak) tokens += 1;
    spaceRun = 0;
    spaceRunHasBreak = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      spaceRun++;
      if (c === 10 || c === 13) spaceRunHasBreak = true;
      continue;
    }
    if (spaceRun) flushSpace();
    if (c < 128) {
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) alnum++;
      else if (c >= 33) tokens++;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      tokens += 2; // a surrogate pair: emoji or a supplementary CJK character
      i++;
    } else if (isCjk(c)) {
      tokens++;
    } else if (c < 0x2000) {
      otherLetters++; // Latin-1, Greek, Cyrillic, Hebrew, Arabic, Indic…
    } else {
      tokens++; // symbols, arrows, box drawing and the rest: count each
    }
  }
  if (spaceRun) flushSpace();
  return tokens + Math.ceil(alnum / 3) + Math.ceil(otherLetters / 2);
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // radicals, CJK punctuation, kana, ideographs
    (c >= 0xac00 && c <= 0xd7af) || // Hangul syllables
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xff00 && c <= 0xffef) // full-width forms
  );
}

/** Per-message framing (role markers) and the reply's priming tokens. */
const PER_MESSAGE = 6;
const PER_REQUEST = 8;

export function estimateMessagesTokens(messages: readonly { content: string }[]): number {
  let total = PER_REQUEST;
  for (const m of messages) total += PER_MESSAGE + estimateTokens(m.content);
  return total;
}
