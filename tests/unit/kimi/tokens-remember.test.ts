import { beforeEach, describe, expect, it } from 'vitest';
import { estimateTokens, forgetTokenEstimates } from '../../../utils/kimi/tokens';

const long = (word: string) => `${word} tide table, `.repeat(3000);

beforeEach(() => forgetTokenEstimates());

describe('estimateTokens remembers long texts', () => {
  it('gives the same figure the second time, for an equal string built separately too', () => {
    const text = long('spring');
    const first = estimateTokens(text);
    expect(estimateTokens(text)).toBe(first);
    expect(estimateTokens(JSON.parse(JSON.stringify(text)) as string)).toBe(first);
  });

  it('never confuses two long texts of the same length', () => {
    const a = long('spring');
    const b = long('潮汐潮汐潮汐');
    expect(a.length).toBe(b.length);
    const ea = estimateTokens(a);
    const eb = estimateTokens(b);
    expect(eb).not.toBe(ea);
    expect(estimateTokens(a)).toBe(ea);
    forgetTokenEstimates();
    expect(estimateTokens(b)).toBe(eb);
  });

  it('keeps only the last few: older texts are estimated again, with the same result', () => {
    const texts = ['alpha', 'bravo', 'charlie', 'delta'].map(long);
    const figures = texts.map((t) => estimateTokens(t));
    expect(texts.map((t) => estimateTokens(t))).toEqual(figures);
  });
});
