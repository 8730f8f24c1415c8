import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coverageOf, fitText, MIN_COVERAGE, SMALL_SOURCE, splitBudget } from '../../../utils/sources/budget';
import { estimateTokens } from '../../../utils/kimi/tokens';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('budget split', () => {
  it('sources that fit together go whole', () => {
    expect(splitBudget([300, 5000, 20], 10_000)).toEqual({ shares: [300, 5000, 20], whole: true, enough: true });
  });

  it('when they do not fit, small sources go whole and the rest is shared by size, not equally', () => {
    const { shares, whole } = splitBudget([500, 30_000, 10_000], 20_500);
    expect(whole).toBe(false);
    expect(shares[0]).toBe(500);
    // 20,000 left, shared 3:1.
    expect(shares[1]).toBe(15_000);
    expect(shares[2]).toBe(5_000);
    expect(coverageOf(shares[1], 30_000)).toBe(0.5);
  });

  it('rounding gives the leftover tokens to the largest remainders: the shares add up to the room exactly', () => {
    const { shares } = splitBudget([10_001, 10_001, 10_001], 10_000);
    expect(sum(shares)).toBe(10_000);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
  });

  it('tiny room: cut sources below the minimum coverage say it can not serve the question', () => {
    const split = splitBudget([400_000, 300_000], 8_000);
    expect(split.enough).toBe(false);
    expect(sum(split.shares)).toBe(8_000);
    expect(splitBudget([40_000, 30_000], 60_000).enough).toBe(true);
  });

  it('empty and zero-sized sources: nothing divides by zero', () => {
    expect(splitBudget([], 1000).shares).toEqual([]);
    expect(splitBudget([0, 0], 0).shares).toEqual([0, 0]);
    expect(splitBudget([0, 5000], 100).shares).toEqual([0, 100]);
    expect(coverageOf(0, 0)).toBe(1);
  });

  it('small sources do not take more than half the room', () => {
    const sizes = Array.from({ length: 12 }, () => SMALL_SOURCE);
    const { shares } = splitBudget([...sizes, 50_000], 8_000);
    expect(sum(shares.slice(0, 12).filter((s) => s === SMALL_SOURCE))).toBeLessThanOrEqual(4_000);
    expect(sum(shares)).toBe(8_000);
  });

  it('properties: never more than a source has, never more than the room, all of it used when cut, monotone in size', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2_000_000 }), { maxLength: 25 }), fc.nat({ max: 300_000 }), (sizes, room) => {
        const { shares, whole, enough } = splitBudget(sizes, room);
        expect(shares).toHaveLength(sizes.length);
        shares.forEach((s, i) => {
          expect(Number.isInteger(s)).toBe(true);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(sizes[i]);
        });
        if (whole) expect(shares).toEqual(sizes);
        else {
          expect(sum(shares)).toBe(room);
          // Among the sources that were cut, a longer one never gets less room (by size, not equally).
          const cut = sizes.map((_, i) => i).filter((i) => shares[i] < sizes[i]);
          for (const i of cut) for (const j of cut) if (sizes[i] > sizes[j]) expect(shares[i]).toBeGreaterThanOrEqual(shares[j]);
          if (enough) for (const i of cut) expect(shares[i] / sizes[i]).toBeGreaterThanOrEqual(MIN_COVERAGE - 1e-9);
        }
      }),
    );
  });
});

describe('fitting text to a share', () => {
  it('CJK text: one token per character, cut within the share', () => {
    const text = '月光下的城市。'.repeat(2000);
    const cut = fitText(text, 1000);
    expect(estimateTokens(cut)).toBeLessThanOrEqual(1000);
    expect(cut.length).toBeGreaterThan(900);
    expect(text.startsWith(cut)).toBe(true);
  });

  it('ends at a line break near the end, never inside a surrogate pair', () => {
    const text = `${'word '.repeat(300)}\n${'more words here '.repeat(100)}`;
    expect(fitText(text, 500).endsWith('\n')).toBe(false);
    const emoji = '😀'.repeat(500);
    const cut = fitText(emoji, 301);
    expect(cut.length % 2).toBe(0);
    expect(estimateTokens(cut)).toBeLessThanOrEqual(301);
  });

  it('a text within its share stays whole; no room gives nothing', () => {
    expect(fitText('short', 100)).toBe('short');
    expect(fitText('some words', 0)).toBe('');
  });
});
