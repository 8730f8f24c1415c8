import { browser } from 'wxt/browser';

/**
 * Which tab the panel answers about. `sidepanel.html?tabId=N` (a popped-out
 * panel, or a test) is bound to tab N for good; otherwise the panel follows
 * the active tab of its own window.
 */
export function fixedTabId(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tabId');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Calls `onTab` now and whenever the bound tab changes; returns an unsubscribe function. */
export function followTab(search: string, onTab: (tabId: number) => void): () => void {
  const fixed = fixedTabId(search);
  if (fixed !== undefined) {
    onTab(fixed);
    return () => undefined;
  }
  let windowId: number | undefined;
  void browser.windows.getCurrent().then((w) => {
    windowId = w.id;
  });
  void activeTabId().then((id) => id !== undefined && onTab(id));
  const listener = (info: { tabId: number; windowId: number }) => {
    if (windowId === undefined || info.windowId === windowId) onTab(info.tabId);
  };
  browser.tabs.onActivated.addListener(listener);
  return () => browser.tabs.onActivated.removeListener(listener);
}
