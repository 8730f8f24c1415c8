// Continue (Partial Mode) carries on a cut-off answer from exactly the sources its first part was written from; only
// when the panel no longer holds them are they read as a new question reads them.
import { describe, expect, it, vi } from 'vitest';
import { continueSources, rememberSent, tookTabs, type SentSources } from '@/utils/panel/turn-sent';
import { fitText } from '@/utils/sources/budget';
import type { PageContent } from '@/utils/sources/types';

const page = (text: string): PageContent => ({ title: 'Alpha', url: 'https://a.example/', text, selection: '', source: 'dom' }) as PageContent;
const tab = (text: string, coverage = 1) => ({ tabId: 7, title: 'Beta', url: 'https://b.example/', text, coverage });

describe('continueSources', () => {
  it('sends the first part’s page and tabs as they were sent, even after the tabs changed', async () => {
    const first: SentSources = { page: page('Alpha, cut to its share'), tabs: [tab('Beta as first read [cut]', 0.4)] };
    rememberSent('turn-1', first);
    const reread = vi.fn(async (): Promise<SentSources> => ({ page: page('Alpha now'), tabs: [tab('Beta changed since')] }));
    const sent = await continueSources('turn-1', page('Alpha as the panel holds it now'), reread);
    expect(sent).toEqual(first);
    expect(reread).not.toHaveBeenCalled();
  });

  it('keeps each turn’s own sources: a later question about other tabs does not change an earlier turn’s', async () => {
    rememberSent('turn-a', { page: page('A'), tabs: [tab('Beta for A')] });
    rememberSent('turn-b', { page: page('B') });
    expect((await continueSources('turn-a', page('now')))?.tabs?.[0].text).toBe('Beta for A');
    expect((await continueSources('turn-b', page('now')))?.tabs).toBeUndefined();
  });

  it('reads the tabs as a new question does when the panel no longer holds them (reopened), and then keeps that', async () => {
    const fresh: SentSources = { page: page('Alpha now'), tabs: [tab('Beta read again')] };
    const reread = vi.fn(async () => fresh);
    expect(await continueSources('turn-reopened', page('Alpha now'), reread)).toEqual(fresh);
    expect(await continueSources('turn-reopened', page('Alpha later'), reread)).toEqual(fresh);
    expect(reread).toHaveBeenCalledTimes(1);
  });

  it('after the worker found a tab changed, Continue goes with it as the worker sent it; every tab with its text, never a reference', async () => {
    const ref = { tabId: 7, reading: 'r-7', chars: 'Beta as first read'.length, share: 3 };
    const other = { ...tab('Gamma as shown'), tabId: 8, url: 'https://g.example/', ref: { tabId: 8, reading: 'r-8', chars: 14, share: 50 } };
    rememberSent('turn-news', { page: page('Alpha'), tabs: [{ ...tab('Beta as first read'), ref }, other] });
    const now = page('Beta now has a much longer text than the share it was given.');
    tookTabs('turn-news', [{ tabId: 7, status: 'changed', page: { ...now, url: 'https://b.example/', title: 'Beta' } }], false);
    const sent = await continueSources('turn-news', page('Alpha'));
    expect(sent.tabs?.[0]).toMatchObject({ text: fitText(now.text, 3), title: 'Beta' });
    expect(sent.tabs?.[0].coverage).toBeLessThan(1);
    expect(sent.tabs?.[1]).toMatchObject({ text: 'Gamma as shown' });
    expect(sent.tabs?.map((t) => t.ref)).toEqual([undefined, undefined]);
  });

  it('without added tabs and nothing held, continues from the page the panel holds', async () => {
    expect(await continueSources('turn-plain', page('Alpha held'))).toEqual({ page: page('Alpha held') });
  });

  it('holds only the last few turns (a page each): an older one is read again', async () => {
    for (let i = 0; i < 9; i++) rememberSent(`old-${i}`, { page: page(`kept ${i}`) });
    const reread = vi.fn(async () => ({ page: page('read again') }));
    expect((await continueSources('old-0', undefined, reread)).page?.text).toBe('read again');
    expect((await continueSources('old-8', undefined, reread)).page?.text).toBe('kept 8');
  });
});
