import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureTab } from '../../../utils/background/document-capture';

describe('captureTab', () => {
  it('captures the window of the bound tab when that tab is the one showing', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 4, windowId: 9, active: true } as never);
    const capture = vi.fn(async () => 'data:image/png;base64,AAAA');
    Object.assign(fakeBrowser.tabs, { captureVisibleTab: capture });
    expect(await captureTab(4)).toEqual({ ok: true, dataUrl: 'data:image/png;base64,AAAA' });
    expect(capture).toHaveBeenCalledWith(9, { format: 'png' });
  });

  it('refuses when another tab is showing: the picture would be of the wrong page', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 4, windowId: 9, active: false } as never);
    const capture = vi.fn();
    Object.assign(fakeBrowser.tabs, { captureVisibleTab: capture });
    expect(await captureTab(4)).toEqual({ ok: false, detail: 'not-active' });
    expect(capture).not.toHaveBeenCalled();
  });

  it("passes the browser's refusal on", async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 4, windowId: 9, active: true } as never);
    Object.assign(fakeBrowser.tabs, { captureVisibleTab: vi.fn(async () => Promise.reject(new Error('Missing activeTab permission'))) });
    expect(await captureTab(4)).toEqual({ ok: false, detail: 'Missing activeTab permission' });
  });
});
