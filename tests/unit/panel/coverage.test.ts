import { describe, expect, it } from 'vitest';
import { pageCoverage, ANSWER_RESERVE } from '../../../utils/panel/coverage';

const page = (text: string) => ({ url: 'https://x.example/', title: 'x', text, selection: '' });
const models = [
  { id: 'moonshot-v1-8k', contextLength: 8192 },
  { id: 'moonshot-v1-32k', contextLength: 32768 },
  { id: 'kimi-k2.6', contextLength: 262144 },
];

describe('page coverage', () => {
  it('a page that fits says so, with a token estimate', () => {
    const c = pageCoverage(page('word '.repeat(2000)), 'kimi-k2.6', models);
    expect(c.fits).toBe(true);
    expect(c.tokens).toBeGreaterThan(600);
  });

  it('a page too long for the model is never silently cut: it offers the smallest model that fits', () => {
    const c = pageCoverage(page('字'.repeat(20_000)), 'moonshot-v1-8k', models);
    expect(c.fits).toBe(false);
    if (!c.fits) {
      expect(c.limit).toBe(8192 - ANSWER_RESERVE);
      expect(c.larger).toBe('moonshot-v1-32k');
    }
  });

  it('offers no larger model when none is big enough', () => {
    const c = pageCoverage(page('字'.repeat(300_000)), 'kimi-k2.6', models);
    expect(c.fits).toBe(false);
    if (!c.fits) expect(c.larger).toBeUndefined();
  });

  it('counts Chinese higher than English of the same length', () => {
    const zh = pageCoverage(page('中'.repeat(3000)), 'kimi-k2.6', models).tokens;
    const en = pageCoverage(page('a'.repeat(3000)), 'kimi-k2.6', models).tokens;
    expect(zh).toBeGreaterThan(en * 2);
  });
});
