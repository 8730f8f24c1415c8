import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  checkAhead,
  checkTab,
  FRESH_MAX_AGE_MS,
  forgetSources,
  keepSource,
  keptSource,
  MAX_SOURCES,
  noteRead,
  readForCheck,
  readingOf,
  resolveSource,
  SAME_MAX_AGE_MS,
  sourceChanged,
} from '../../../utils/background/tab-sources';
import type { ExtractResult } from '../../../utils/messaging/types';

const verify = { tabId: 5, reading: 'r1' };
const same = (selection: string): ExtractResult => ({ ok: 'same', same: 'r1', selection });
const changed: ExtractResult = { ok: true, page: { url: 'https://a.example/', title: 'A', text: 'more words', selection: '', reading: 'r9' } };
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the worker's page checks, held per tab", () => {
  beforeEach(() => forgetSources());

  it('an unchanged page: the next questions reuse the answer until the page reader says it changed', async () => {
    const usual = vi.fn(async () => same('first'));
    expect(await readForCheck(verify, usual)).toEqual(same('first'));
    expect(await readForCheck(verify, usual)).toEqual(same('first'));
    expect(usual).toHaveBeenCalledTimes(1);
    // Read again at once, by the reader left in the page (here only the selection changed).
    const ahead = vi.fn(async () => same('second'));
    sourceChanged(5, ahead);
    expect(ahead).toHaveBeenCalledTimes(1);
    expect(await readForCheck(verify, usual)).toEqual(same('second'));
    expect(usual).toHaveBeenCalledTimes(1);
    // Another tab's change leaves this one's answer alone.
    sourceChanged(6, ahead);
    expect(ahead).toHaveBeenCalledTimes(1);
    expect(await readForCheck(verify, usual)).toEqual(same('second'));
    expect(usual).toHaveBeenCalledTimes(1);
  });

  it('a change while a check is held reads the page again at once, once per check, so the question finds it read', async () => {
    const usual = vi.fn().mockResolvedValueOnce(same('typed'));
    await readForCheck(verify, usual);
    const again = vi.fn().mockResolvedValue(changed);
    sourceChanged(5, again);
    expect(again).toHaveBeenCalledExactlyOnceWith(5, 'r1');
    expect(await readForCheck(verify, usual)).toEqual(changed);
    expect(usual).toHaveBeenCalledTimes(1);
    // A second change drops that answer too, but is not read ahead again: the question reads the tab itself.
    sourceChanged(5, again);
    expect(again).toHaveBeenCalledTimes(1);
    const later: ExtractResult = { ok: true, page: { ...changed.page, text: 'more words still', reading: 'r10' } };
    usual.mockResolvedValueOnce(later);
    expect(await readForCheck(verify, usual)).toEqual(later);
    expect(usual).toHaveBeenCalledTimes(2);
    // No check held (nobody is about to ask): a change reads nothing.
    forgetSources();
    sourceChanged(5, again);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('a change read ahead that finds no reader left (another document) holds nothing: the questions read the tab', async () => {
    const usual = vi.fn(async () => same('typed'));
    await readForCheck(verify, usual);
    sourceChanged(5, async () => undefined);
    expect(await readForCheck(verify, usual)).toEqual(same('typed'));
    expect(usual).toHaveBeenCalledTimes(2);
    usual.mockResolvedValueOnce(same('again'));
    expect(await readForCheck(verify, usual)).toEqual(same('again'));
    expect(usual).toHaveBeenCalledTimes(3);
  });

  it('a check still being read serves the question that comes meanwhile', async () => {
    let answer!: (r: ExtractResult) => void;
    const slow = vi.fn(() => new Promise<ExtractResult>((r) => (answer = r)));
    const first = readForCheck(verify, slow);
    const second = readForCheck(verify, slow);
    answer(same('typed'));
    expect(await first).toEqual(same('typed'));
    expect(await second).toEqual(same('typed'));
    expect(slow).toHaveBeenCalledTimes(1);
  });

  it('is not reused for another reading or tab, nor once old', async () => {
    const usual = vi.fn(async () => same('usual'));
    const t0 = Date.now();
    await checkTab(5, 'r1', usual, t0 - SAME_MAX_AGE_MS - 1);
    await settle();
    expect(await readForCheck({ ...verify, reading: 'r2' }, usual)).toEqual(same('usual'));
    expect(await readForCheck({ ...verify, tabId: 6 }, usual)).toEqual(same('usual'));
    expect(usual).toHaveBeenCalledTimes(3);
    await checkTab(7, 'r1', usual, t0 - SAME_MAX_AGE_MS - 1);
    await settle();
    await readForCheck({ ...verify, tabId: 7 }, usual);
    expect(usual).toHaveBeenCalledTimes(5); // the old one, then a new read
  });

  it('a check that found the page changed (nothing watches it) serves only the moment after it', async () => {
    const read = vi.fn(async () => changed);
    await checkTab(5, 'r1', read);
    await settle();
    expect(await checkTab(5, 'r1', read)).toEqual(changed);
    expect(read).toHaveBeenCalledTimes(1);
    await checkTab(8, 'r1', read, Date.now() - FRESH_MAX_AGE_MS - 1);
    await settle();
    await checkTab(8, 'r1', read);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('a menu click checks ahead: only with a reading the tab gave before, and only the reader left in the page', async () => {
    const early = vi.fn(async () => same('ahead'));
    checkAhead(5, early);
    expect(early).not.toHaveBeenCalled();
    noteRead(5, { ok: 'same', same: 'r1', selection: '' });
    checkAhead(5, early);
    expect(early).toHaveBeenCalledWith(5, 'r1');
    const usual = vi.fn(async () => same('usual'));
    expect(await readForCheck(verify, usual)).toEqual(same('ahead'));
    expect(usual).not.toHaveBeenCalled();
  });

  it('no reader left in the page: the question reads the tab the usual way', async () => {
    noteRead(5, { ok: 'same', same: 'r1', selection: '' });
    checkAhead(5, async () => undefined);
    const usual = vi.fn(async () => same('usual'));
    expect(await readForCheck(verify, usual)).toEqual(same('usual'));
    expect(usual).toHaveBeenCalledTimes(1);
  });

  it("a question's check notes the tab's reading: kept when the same, the new one when it changed, none when stale", async () => {
    keepSource({ url: 'https://a.example/', title: 'A', text: 'words', selection: '', reading: 'r1' });
    const request = {
      mode: 'ask' as const,
      question: 'q',
      history: [],
      verify,
      page: { url: 'https://a.example/', title: 'A', text: '', selection: '', reading: 'r1' },
    };
    await resolveSource(request, Promise.resolve(same('')), async () => undefined);
    expect(readingOf(5)).toBe('r1');
    await resolveSource(request, Promise.resolve(changed), async () => undefined);
    expect(readingOf(5)).toBe('r9');
    expect(await resolveSource(request, Promise.resolve(undefined), async () => undefined)).toBe('stale');
    expect(readingOf(5)).toBeUndefined();
  });
});

const page = (reading: string, chars = 10, url = 'https://a.example/') => ({ url, title: 'A', text: 'x'.repeat(chars), selection: '', reading });

describe('tab sources kept by reading', () => {
  beforeEach(() => forgetSources());

  it('finds a page by its reading and address only', () => {
    keepSource(page('r1'));
    expect(keptSource('r1', 'https://a.example/')?.reading).toBe('r1');
    expect(keptSource('r1', 'https://b.example/')).toBeUndefined();
    expect(keptSource('r2', 'https://a.example/')).toBeUndefined();
  });

  it('keeps nothing without a reading or text', () => {
    keepSource({ ...page('r1'), reading: undefined });
    keepSource(page('r2', 0));
    keepSource(undefined);
    expect(keptSource('r2', 'https://a.example/')).toBeUndefined();
  });

  it('keeps the last 21 (the page and 20 added tabs), and drops old ones past 25M characters, never the newest', () => {
    const readings = Array.from({ length: MAX_SOURCES + 1 }, (_, i) => `r${i}`);
    for (const r of readings) keepSource(page(r));
    expect(readings.map((r) => !!keptSource(r, 'https://a.example/'))).toEqual([false, ...readings.slice(1).map(() => true)]);
    keepSource(page('big', 20_000_000));
    keepSource(page('bigger', 20_000_000));
    expect(keptSource('big', 'https://a.example/')).toBeUndefined();
    expect(keptSource('bigger', 'https://a.example/')).toBeDefined();
    keepSource(page('huge', 30_000_000));
    expect(keptSource('huge', 'https://a.example/')).toBeDefined();
    expect(keptSource('bigger', 'https://a.example/')).toBeUndefined();
  });
});
