import { browser, type Browser } from 'wxt/browser';

type TabsEvents = Pick<typeof browser.tabs, 'onUpdated' | 'onReplaced'>;

/** Quiet time after the last sign of a navigation, so one page load (status + url + title) reads the page once. */
export const NAVIGATION_SETTLE_MS = 150;

/**
 * Calls `onNavigated` when tab `tabId` shows a new page: a load finished (status "complete"), or the
 * URL changed without a load (a single-page app's pushState). Works without the "tabs" permission:
 * `status` is always reported; `url` only when Moonlit may see it (activeTab, a host permission), and
 * then only a real change counts. Also follows the tab when the browser swaps it for a prerendered one.
 * Returns the function that stops watching.
 */
export function watchTabNavigation(tabId: number, onNavigated: () => void, tabs: TabsEvents = browser.tabs): () => void {
  let watched = tabId;
  let lastUrl: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onNavigated, NAVIGATION_SETTLE_MS);
  };
  const updated = (id: number, change: Browser.tabs.OnUpdatedInfo, tab?: Browser.tabs.Tab) => {
    if (id !== watched) return;
    const url = change.url ?? tab?.url;
    const moved = change.url !== undefined && change.url !== lastUrl;
    if (url !== undefined) lastUrl = url;
    // While a load is under way, wait for its "complete"; a URL change alone is a same-page navigation.
    if (change.status === 'complete' || (moved && change.status === undefined && tab?.status !== 'loading')) fire();
  };
  const replaced = (added: number, removed: number) => {
    if (removed !== watched) return;
    watched = added;
    fire();
  };
  tabs.onUpdated.addListener(updated);
  // Not every implementation has it (WXT's fake browser throws "not implemented"); following a swap is a bonus.
  const hasReplaced = attempt(() => tabs.onReplaced.addListener(replaced));
  return () => {
    clearTimeout(timer);
    tabs.onUpdated.removeListener(updated);
    if (hasReplaced) attempt(() => tabs.onReplaced.removeListener(replaced));
  };
}

function attempt(fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}
