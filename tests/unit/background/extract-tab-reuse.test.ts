import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extractTab } from '../../../utils/background/extract-tab';
import { callLeftReader } from '../../../utils/extract/reader-slot';

const PAGE = { url: 'https://example.com/a', title: 'A', text: 'Body text', selection: '' };
const fileCall = { target: { tabId: 9 }, files: ['/page-reader.js'] };
const funcCall = { target: { tabId: 9 }, func: callLeftReader, args: [expect.stringMatching(/^__moonlitPageReader@/), null] };

describe('extractTab on a page it has read before', () => {
  it('calls the reader left in the page instead of injecting the script again, and injects again when it is gone', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 9, url: PAGE.url } as never);
    const spy = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValueOnce([{ frameId: 0, result: PAGE }] as never) // the script, first time
      .mockResolvedValueOnce([{ frameId: 0, result: { ...PAGE, selection: 'Body' } }] as never) // the reader left there
      .mockResolvedValueOnce([{ frameId: 0, result: null }] as never) // navigated: no reader any more
      .mockResolvedValueOnce([{ frameId: 0, result: { ...PAGE, text: 'New page' } }] as never); // the script again
    expect(await extractTab(9)).toEqual({ ok: true, page: PAGE });
    expect(spy).toHaveBeenLastCalledWith(fileCall);
    expect(await extractTab(9)).toEqual({ ok: true, page: { ...PAGE, selection: 'Body' } });
    expect(spy).toHaveBeenLastCalledWith(funcCall);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(await extractTab(9)).toEqual({ ok: true, page: { ...PAGE, text: 'New page' } });
    expect(spy.mock.calls.slice(2)).toEqual([[funcCall], [fileCall]]);
  });

  it('after a failed read, injects the script rather than trusting a reader there', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 9, url: PAGE.url } as never);
    const spy = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValueOnce([{ frameId: 0, result: PAGE }] as never)
      .mockRejectedValueOnce(new Error('Frame with ID 0 was removed.'))
      .mockResolvedValueOnce([{ frameId: 0, result: PAGE }] as never);
    await extractTab(9);
    expect(await extractTab(9)).toMatchObject({ ok: false, reason: 'injection-failed' });
    expect(await extractTab(9)).toEqual({ ok: true, page: PAGE });
    expect(spy).toHaveBeenLastCalledWith(fileCall);
  });

  it('passes the reading the panel holds, and an unchanged page answers "same" with only the selection', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 9, url: PAGE.url } as never);
    const spy = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValueOnce([{ frameId: 0, result: { ...PAGE, reading: 'r1' } }] as never)
      .mockResolvedValueOnce([{ frameId: 0, result: { same: 'r1', selection: 'Body', selectionContext: 'Body text' } }] as never);
    expect(await extractTab(9)).toEqual({ ok: true, page: { ...PAGE, reading: 'r1' } });
    expect(await extractTab(9, 'r1')).toEqual({ ok: 'same', same: 'r1', selection: 'Body', selectionContext: 'Body text' });
    expect(spy).toHaveBeenLastCalledWith({ ...funcCall, args: [funcCall.args[0], 'r1'] });
  });
});

describe('recheckTab (a question about a page the panel holds)', () => {
  it('asks the reader in the page directly, with no tabs.get; anything else takes the full path', async () => {
    const { recheckTab } = await import('../../../utils/background/extract-tab');
    const get = vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 9, url: PAGE.url } as never);
    const spy = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValueOnce([{ frameId: 0, result: { same: 'r1', selection: 'Body' } }] as never) // same (even from a fresh worker)
      .mockResolvedValueOnce([{ frameId: 0, result: { ...PAGE, text: 'Changed', reading: 'r2' } }] as never) // changed in place
      .mockResolvedValueOnce([{ frameId: 0, result: null }] as never) // navigated: no reader
      .mockResolvedValueOnce([{ frameId: 0, result: { ...PAGE, text: 'Other page', reading: 'r3' } }] as never); // full path: the script
    expect(await recheckTab(9, 'r1')).toEqual({ ok: 'same', same: 'r1', selection: 'Body' });
    expect(spy).toHaveBeenLastCalledWith({ ...funcCall, args: [funcCall.args[0], 'r1'] });
    expect(await recheckTab(9, 'r1')).toEqual({ ok: true, page: { ...PAGE, text: 'Changed', reading: 'r2' } });
    expect(get).not.toHaveBeenCalled();
    expect(await recheckTab(9, 'r2')).toEqual({ ok: true, page: { ...PAGE, text: 'Other page', reading: 'r3' } });
    expect(get).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls.at(-1)).toEqual([fileCall]);
  });

  it("readLeftReader (a menu click's check ahead) never takes the full path", async () => {
    const { readLeftReader } = await import('../../../utils/background/extract-tab');
    const get = vi.spyOn(fakeBrowser.tabs, 'get');
    const spy = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValueOnce([{ frameId: 0, result: { same: 'r1', selection: '' } }] as never)
      .mockResolvedValueOnce([{ frameId: 0, result: null }] as never)
      .mockRejectedValueOnce(new Error('Cannot access a chrome:// URL'));
    expect(await readLeftReader(9, 'r1')).toEqual({ ok: 'same', same: 'r1', selection: '' });
    expect(await readLeftReader(9, 'r1')).toBeUndefined();
    expect(await readLeftReader(9, 'r1')).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(3);
    expect(spy.mock.calls.every(([call]) => !('files' in (call as object)))).toBe(true);
    expect(get).not.toHaveBeenCalled();
  });

  it('a refusal (the tab shows a browser page now) takes the full path, which says why', async () => {
    const { recheckTab } = await import('../../../utils/background/extract-tab');
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 9, url: 'chrome://settings' } as never);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValueOnce(new Error('Cannot access a chrome:// URL'));
    expect(await recheckTab(9, 'r1')).toMatchObject({ ok: false, reason: 'restricted' });
  });
});
