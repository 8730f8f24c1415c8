import { beforeEach, describe, expect, it } from 'vitest';
import { forgetPages, keepPage, keptPage } from '../../../utils/background/page-cache';

const page = (reading: string, chars = 10, url = 'https://a.example/') => ({ url, title: 'A', text: 'x'.repeat(chars), selection: '', reading });

describe('page cache', () => {
  beforeEach(() => forgetPages());

  it('finds a page by its reading and address only', () => {
    keepPage(page('r1'));
    expect(keptPage('r1', 'https://a.example/')?.reading).toBe('r1');
    expect(keptPage('r1', 'https://b.example/')).toBeUndefined();
    expect(keptPage('r2', 'https://a.example/')).toBeUndefined();
  });

  it('keeps nothing without a reading or text', () => {
    keepPage({ ...page('r1'), reading: undefined });
    keepPage(page('r2', 0));
    keepPage(undefined);
    expect(keptPage('r2', 'https://a.example/')).toBeUndefined();
  });

  it('keeps the last four, and drops old ones past 25M characters, never the newest', () => {
    for (const r of ['a', 'b', 'c', 'd', 'e']) keepPage(page(r));
    expect(['a', 'b', 'c', 'd', 'e'].map((r) => !!keptPage(r, 'https://a.example/'))).toEqual([false, true, true, true, true]);
    keepPage(page('big', 20_000_000));
    keepPage(page('bigger', 20_000_000));
    expect(keptPage('big', 'https://a.example/')).toBeUndefined();
    expect(keptPage('bigger', 'https://a.example/')).toBeDefined();
    keepPage(page('huge', 30_000_000));
    expect(keptPage('huge', 'https://a.example/')).toBeDefined();
    expect(keptPage('bigger', 'https://a.example/')).toBeUndefined();
  });
});
