import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../utils/background/messages';
import { checkTab, forgetSources } from '../../../utils/background/tab-sources';
import type { ExtractResult } from '../../../utils/messaging/types';

const same: ExtractResult = { ok: 'same', same: 'r1', selection: '' };
const changedMessage = { name: 'page→bg:changed', data: {} };

/**
 * Holds an unchanged-page check for tab 4 and says whether `sender`'s message dropped it: then the page is read
 * again at once (tab-sources.ts), here from a tab whose document has no reader left, so the held answer is gone.
 */
async function dropsHeldCheck(sender: object): Promise<boolean> {
  forgetSources();
  const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
  const read = vi.fn(async () => same);
  await checkTab(4, 'r1', read);
  expect(handleMessage(changedMessage, sender as never)).toBeUndefined(); // never answered
  const now = await checkTab(4, 'r1', read);
  expect(read).toHaveBeenCalledTimes(1);
  expect(inject.mock.calls.length).toBe(now === same ? 0 : 1);
  return now !== same;
}

describe('page→bg:changed, from the page reader', () => {
  beforeEach(() => forgetSources());

  it("from Moonlit's script in the tab's top frame: the tab's held check is dropped", async () => {
    expect(await dropsHeldCheck({ id: fakeBrowser.runtime.id, url: 'https://a.example/', tab: { id: 4 }, frameId: 0 })).toBe(true);
  });

  it('from a frame, another extension, another tab or an extension page: nothing happens', async () => {
    expect(await dropsHeldCheck({ id: fakeBrowser.runtime.id, url: 'https://a.example/f', tab: { id: 4 }, frameId: 2 })).toBe(false);
    expect(await dropsHeldCheck({ id: 'other-extension', url: 'https://a.example/', tab: { id: 4 }, frameId: 0 })).toBe(false);
    expect(await dropsHeldCheck({ id: fakeBrowser.runtime.id, url: 'https://a.example/', tab: { id: 9 }, frameId: 0 })).toBe(false);
    expect(await dropsHeldCheck({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html'), frameId: 0 })).toBe(false);
  });

  it('a change in the main text reads the page ahead; a selection change only drops the held check', async () => {
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    const top = { id: fakeBrowser.runtime.id, url: 'https://a.example/', tab: { id: 4 }, frameId: 0 };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    const read = vi.fn(async () => same);
    await checkTab(4, 'r1', read);
    handleMessage({ name: 'page→bg:changed', data: { selection: true } }, top as never);
    expect(inject).not.toHaveBeenCalled();
    expect(await checkTab(4, 'r1', read)).toBe(same);
    expect(read).toHaveBeenCalledTimes(2);
    handleMessage(changedMessage, top as never);
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('only a selection change is passed on, to a panel bound to that tab; never from a frame or another extension', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    const top = { id: fakeBrowser.runtime.id, url: 'https://a.example/', tab: { id: 4 }, frameId: 0 };
    handleMessage(changedMessage, top as never);
    expect(sent).not.toHaveBeenCalled();
    handleMessage({ name: 'page→bg:changed', data: { selection: true } }, top as never);
    expect(sent).toHaveBeenCalledExactlyOnceWith({ name: 'bg→panel:selection-changed', data: { tabId: 4 } });
    handleMessage({ name: 'page→bg:changed', data: { selection: true } }, { ...top, frameId: 2 } as never);
    handleMessage({ name: 'page→bg:changed', data: { selection: true } }, { ...top, id: 'other-extension' } as never);
    handleMessage({ name: 'page→bg:changed', data: { selection: 'yes' } }, top as never);
    expect(sent).toHaveBeenCalledTimes(1);
    sent.mockRestore();
  });
});
