import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { citeInTab, parseCiteRequest } from '../../../utils/background/cite-tab';
import type { CiteRequest } from '../../../utils/citations/types';

const URL_B = 'http://127.0.0.1:8080/b';
const REQ: CiteRequest = { tabId: 9, url: URL_B, quote: 'The delta orchard keeps its own ledger.', at: 0.2, focus: true };

/** A tab in window 4 whose finder answers `found`; returns the update and window spies. */
function otherTab(url: string) {
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 9, url, windowId: 4 } as never);
  vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: { found: true, how: 'highlight', url } }] as never);
  const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({ id: 9 } as never);
  const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({ id: 4 } as never);
  return { update, focus };
}

afterEach(() => vi.restoreAllMocks());

describe('a citation of another tab added to the question', () => {
  it('brings that tab to the front of a focused window, then highlights the passage', async () => {
    const { update, focus } = otherTab(URL_B);
    expect(await citeInTab(REQ)).toEqual({ ok: true, how: 'highlight' });
    expect(update).toHaveBeenCalledWith(9, { active: true });
    expect(focus).toHaveBeenCalledWith(4, { focused: true });
  });

  it('a tab that shows another page now is not switched to: "moved"', async () => {
    const { update } = otherTab('http://127.0.0.1:8080/elsewhere');
    expect(await citeInTab(REQ)).toEqual({ ok: false, reason: 'moved' });
    expect(update).not.toHaveBeenCalled();
  });

  it('the bound tab (no focus) is never switched to', async () => {
    const { update } = otherTab(URL_B);
    const { focus: _, ...bound } = REQ;
    await citeInTab(bound);
    expect(update).not.toHaveBeenCalled();
  });

  it('the boundary accepts focus only as true', () => {
    expect(parseCiteRequest(REQ)).toEqual(REQ);
    expect(parseCiteRequest({ ...REQ, focus: 'yes' })).toBeNull();
  });
});
