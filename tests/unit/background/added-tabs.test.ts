import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetSources, keptSource, MAX_SOURCES, readAddedTab, sourceChanged, type TabLook } from '../../../utils/background/tab-sources';
import { refreshTab, addedTabOf } from '../../../utils/sources/tab-fresh';
import type { ExtractResult } from '../../../utils/messaging/types';

const URL_A = 'https://a.example/article';
const pageOf = (reading: string | undefined, text = 'Tides rise twice a day.', url = URL_A) => ({
  url,
  title: 'A',
  text,
  selection: '',
  ...(reading ? { reading } : {}),
});
const whole = (reading: string | undefined, text?: string, url?: string): ExtractResult => ({ ok: true, page: pageOf(reading, text, url) });
const there: TabLook = async () => ({ url: URL_A, status: 'complete' });

/** The worker's side of `panel→bg:extract {added}` with a reader double that counts its calls into the tab. */
function addedTab(first: ExtractResult, look: TabLook = there) {
  const read = vi.fn(async (): Promise<ExtractResult> => first);
  return { read, ask: (known?: string) => readAddedTab(7, known, { read, look }) };
}

describe("an added tab's checks, held by the worker while its page reader watches", () => {
  beforeEach(() => forgetSources());

  it('read whole when added, then checked with no call into the tab until its reader says it changed', async () => {
    const tab = addedTab(whole('r1'));
    expect(await tab.ask()).toEqual(whole('r1'));
    expect(await tab.ask('r1')).toEqual({ ok: 'same', same: 'r1', selection: '' });
    expect(await tab.ask('r1')).toMatchObject({ ok: 'same', same: 'r1' });
    expect(tab.read).toHaveBeenCalledTimes(1);
    sourceChanged(7);
    tab.read.mockResolvedValueOnce(whole('r2', 'Tides rise twice a day, and the moon pulls them.'));
    expect(await tab.ask('r1')).toEqual(whole('r2', 'Tides rise twice a day, and the moon pulls them.'));
    expect(tab.read).toHaveBeenCalledTimes(2);
    // The new reading is watched from that answer on: held in turn.
    expect(await tab.ask('r2')).toMatchObject({ ok: 'same', same: 'r2' });
    expect(tab.read).toHaveBeenCalledTimes(2);
  });

  it('a change heard while the tab was read: that reading is not held', async () => {
    let answer!: (r: ExtractResult) => void;
    const read = vi.fn(() => new Promise<ExtractResult>((r) => (answer = r)));
    const first = readAddedTab(7, undefined, { read, look: there });
    // A first read notes the tab, so its change counts; the reader's message can come before its answer.
    await Promise.resolve();
    sourceChanged(7);
    answer(whole('r1'));
    await first;
    read.mockResolvedValueOnce({ ok: 'same', same: 'r1', selection: '' });
    expect(await readAddedTab(7, 'r1', { read, look: there })).toMatchObject({ ok: 'same', same: 'r1' });
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a page the reader could not keep (no reading) holds nothing', async () => {
    const tab = addedTab(whole(undefined));
    await tab.ask();
    await tab.ask('r1');
    expect(tab.read).toHaveBeenCalledTimes(2);
  });

  it('a checked "same" is held too: the first check reads, the next ones do not', async () => {
    const read = vi.fn(async (): Promise<ExtractResult> => ({ ok: 'same', same: 'r1', selection: '' }));
    for (let i = 0; i < 3; i++) expect(await readAddedTab(7, 'r1', { read, look: there })).toMatchObject({ ok: 'same', same: 'r1' });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['closed', null, { ok: false, reason: 'no-tab' } as ExtractResult],
    ['loading another document', { url: URL_A, status: 'loading' }, whole('r3')],
    ['at another address', { url: 'https://a.example/other', status: 'complete' }, whole('r3', 'Other.', 'https://a.example/other')],
  ])('a held check is not used once the browser says the tab is %s (its page may not get a message out)', async (_, seen, now) => {
    const look = vi.fn<TabLook>(async () => ({ url: URL_A, status: 'complete' }));
    const tab = addedTab(whole('r1'), look);
    await tab.ask();
    look.mockResolvedValueOnce(seen);
    tab.read.mockResolvedValueOnce(now);
    expect(await tab.ask('r1')).toEqual(now);
    expect(tab.read).toHaveBeenCalledTimes(2);
  });

  it('a failed look (the browser refuses) reads the tab rather than trusting the hold', async () => {
    const tab = addedTab(whole('r1'), async () => {
      throw new Error('No tab with id: 7.');
    });
    await tab.ask();
    await tab.ask('r1');
    expect(tab.read).toHaveBeenCalledTimes(2);
  });

  it("the panel's statuses keep their meaning: ready when held, changed when read again, closed when gone", async () => {
    const tab = addedTab(whole('r1'));
    const extract = (_: number, known?: string) => tab.ask(known);
    const first = await tab.ask();
    const added = addedTabOf(7, (first as { page: ReturnType<typeof pageOf> }).page);
    expect(await refreshTab(added, extract)).toMatchObject({ status: 'ready', reading: 'r1' });
    expect(tab.read).toHaveBeenCalledTimes(1);
    sourceChanged(7);
    tab.read.mockResolvedValueOnce(whole('r2', 'The harbour flooded.'));
    expect(await refreshTab(added, extract)).toMatchObject({ status: 'changed', reading: 'r2', text: 'The harbour flooded.' });
    sourceChanged(7);
    tab.read.mockResolvedValueOnce({ ok: false, reason: 'no-tab' });
    expect(await refreshTab({ ...added, reading: 'r2' }, extract)).toMatchObject({ status: 'closed', text: added.text });
  });

  it(`keeps every text of a question with ${MAX_SOURCES - 1} added tabs and the page`, async () => {
    for (let id = 0; id < MAX_SOURCES; id++)
      await readAddedTab(id, undefined, { read: async () => whole(`r${id}`, `Text ${id}`, `${URL_A}/${id}`), look: there });
    for (let id = 0; id < MAX_SOURCES; id++) expect(keptSource(`r${id}`, `${URL_A}/${id}`)?.text).toBe(`Text ${id}`);
  });
});
