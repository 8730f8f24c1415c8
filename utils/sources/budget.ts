import { estimateTokens } from '../kimi/tokens';

/**
 * How a question's room (the model's window less the answer's reserve and Moonlit's own text) is shared among
 * its sources. Pure: the panel runs it to show each chip's coverage and to cut what it sends, so what the user
 * sees is what Kimi reads.
 */

/** A source at most this long goes whole even when the others must be cut: a short page is cheap and cutting it loses most of it. */
export const SMALL_SOURCE = 1_000;
/** Below this share of its text, a cut source no longer serves a question about it: a larger model, fewer tabs or parts then. */
export const MIN_COVERAGE = 0.2;

export interface BudgetSplit {
  /** Tokens of each source Kimi reads, in the order given; never more than the source has. */
  shares: number[];
  /** Every source goes whole. */
  whole: boolean;
  /** Every cut source keeps at least MIN_COVERAGE of its text. */
  enough: boolean;
}

/**
 * Small sources go whole; if the sum does not fit `room`, what is left is shared by size (a source twice as long
 * gets twice the room), never equally; rounding gives the leftover tokens to the largest remainders so the shares
 * add up to the room exactly.
 */
export function splitBudget(sizes: readonly number[], room: number): BudgetSplit {
  const size = sizes.map((s) => Math.max(0, Math.floor(s)));
  const space = Math.max(0, Math.floor(room));
  const total = size.reduce((a, b) => a + b, 0);
  if (total <= space) return { shares: size, whole: true, enough: true };
  const shares = size.map(() => 0);
  // The small ones whole, smallest first, as long as they take at most half the room.
  let left = space;
  const order = size.map((_, i) => i).sort((a, b) => size[a] - size[b]);
  const cut = new Set(order);
  for (const i of order) {
    if (size[i] > SMALL_SOURCE || space - left + size[i] > space / 2) break;
    shares[i] = size[i];
    left -= size[i];
    cut.delete(i);
  }
  const big = [...cut];
  const bigTotal = big.reduce((a, i) => a + size[i], 0);
  const exact = big.map((i) => (left * size[i]) / bigTotal);
  big.forEach((i, k) => (shares[i] = Math.floor(exact[k])));
  let spare = left - big.reduce((a, i) => a + shares[i], 0);
  const byRemainder = big.map((_, k) => k).sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || big[a] - big[b]);
  for (const k of byRemainder) {
    if (spare <= 0) break;
    if (shares[big[k]] < size[big[k]]) shares[big[k]]++, spare--;
  }
  const enough = big.every((i) => size[i] === 0 || shares[i] / size[i] >= MIN_COVERAGE);
  return { shares, whole: false, enough };
}

/** The share of a source's text that is read, 0–1. */
export const coverageOf = (share: number, size: number): number => (size <= 0 ? 1 : Math.min(1, share / size));

/**
 * The start of `text` that takes at most `tokens` (local estimate), ending at a paragraph or line break when one
 * is near the end, never inside a surrogate pair. Binary search on the estimate: linear passes, no regex.
 */
export function fitText(text: string, tokens: number): string {
  if (estimateTokens(text) <= tokens) return text;
  if (tokens <= 0) return '';
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (estimateTokens(text.slice(0, mid)) <= tokens) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  // A clean break in the last tenth: the model sees whole paragraphs.
  const brk = text.lastIndexOf('\n', end - 1);
  if (brk > 0 && brk >= end * 0.9) end = brk;
  return text.slice(0, end);
}
