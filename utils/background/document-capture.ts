import { browser } from 'wxt/browser';
import type { CaptureResult } from '../messaging/protocol';

/**
 * A PNG of what the bound tab shows. captureVisibleTab takes whatever tab is
 * active in a window, so the bound tab must be the active one: otherwise the
 * user would send a picture of some other page.
 */
export async function captureTab(tabId: number): Promise<CaptureResult> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active) return { ok: false, detail: 'not-active' };
    const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId!, { format: 'png' });
    return dataUrl.startsWith('data:image/') ? { ok: true, dataUrl } : { ok: false, detail: 'no-image' };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
