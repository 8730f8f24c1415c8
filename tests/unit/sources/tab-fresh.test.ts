import { describe, expect, it, vi } from 'vitest';
import type { ExtractResult } from '../../../utils/messaging/types';
import { addedTabOf, isTabTexts, refreshTab, type AddedTab } from '../../../utils/sources/tab-fresh';

const page = (over: Partial<{ url: string; text: string; reading: string; title: string }> = {}) => ({
  url: 'http://127.0.0.1/a',
  title: 'A',
  text: 'Alpha text.',
  selection: '',
  reading: 'r1',
  ...over,
});
const tab = (over: Partial<AddedTab> = {}): AddedTab => ({ ...addedTabOf(7, page()), ...over });

describe('freshness of an added tab before a question', () => {
  it('an unchanged page answers "same": kept as read, its text not sent again', async () => {
    const extract = vi.fn(async (): Promise<ExtractResult> => ({ ok: 'same', same: 'r1', selection: '' }));
    const t = await refreshTab(tab(), extract);
    expect(extract).toHaveBeenCalledWith(7, 'r1');
    expect(t).toEqual(tab());
  });

  it('a tab that navigated is read again, and marked so', async () => {
    const t = await refreshTab(tab(), async () => ({ ok: true, page: page({ url: 'http://127.0.0.1/b', text: 'Beta.', reading: 'r2', title: 'B' }) }));
    expect(t).toMatchObject({ url: 'http://127.0.0.1/b', text: 'Beta.', title: 'B', reading: 'r2', status: 'navigated' });
  });

  it('a tab whose main text changed is read again, and marked changed', async () => {
    const t = await refreshTab(tab(), async () => ({ ok: true, page: page({ text: 'Alpha, edited.', reading: 'r2' }) }));
    expect(t).toMatchObject({ text: 'Alpha, edited.', status: 'changed' });
  });

  it('a closed tab keeps the text it had, marked closed, and is not read again', async () => {
    const extract = vi.fn(async (): Promise<ExtractResult> => ({ ok: false, reason: 'no-tab' }));
    const closed = await refreshTab(tab(), extract);
    expect(closed).toMatchObject({ text: 'Alpha text.', status: 'closed' });
    await refreshTab(closed, extract);
    expect(extract).toHaveBeenCalledTimes(1);
  });

  it('a tab that can not be read now (a refusal, a PDF, a throw) keeps its last text, marked unreadable', async () => {
    for (const result of [
      { ok: false, reason: 'restricted' },
      { ok: 'pdf', url: 'x' },
    ] as ExtractResult[]) {
      expect(await refreshTab(tab(), async () => result)).toMatchObject({ text: 'Alpha text.', status: 'unreadable' });
    }
    expect(await refreshTab(tab(), () => Promise.reject(new Error('gone')))).toMatchObject({ status: 'unreadable' });
  });

  it('"same" for another reading than ours reads the page whole, once', async () => {
    const extract = vi.fn(
      async (_id: number, known?: string): Promise<ExtractResult> =>
        known ? { ok: 'same', same: 'other', selection: '' } : { ok: true, page: page({ reading: 'r9' }) },
    );
    expect(await refreshTab(tab(), extract)).toMatchObject({ reading: 'r9', status: 'ready' });
    expect(extract).toHaveBeenCalledTimes(2);
  });
});

describe('the worker’s check of the tabs a request carries', () => {
  const good = { title: 'T', url: 'http://x/', text: 'x', coverage: 0.5 };
  it('takes well-formed tabs and none', () => {
    expect(isTabTexts(undefined)).toBe(true);
    expect(isTabTexts([good, { ...good, status: 'closed', lang: 'en' }])).toBe(true);
  });
  it('refuses anything else', () => {
    for (const bad of [{}, [null], [{ ...good, coverage: 2 }], [{ ...good, text: 5 }], [{ ...good, status: 'open' }], Array(21).fill(good)]) {
      expect(isTabTexts(bad)).toBe(false);
    }
  });
});
