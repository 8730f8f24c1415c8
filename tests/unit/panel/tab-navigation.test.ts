import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NAVIGATION_SETTLE_MS, watchTabNavigation } from '@/utils/panel/tab-navigation';

type Replaced = (added: number, removed: number) => void;

/** fakeBrowser's tabs.onUpdated, plus an onReplaced the fake browser lacks. */
function tabsEvents() {
  const replaced = new Set<Replaced>();
  return {
    onUpdated: fakeBrowser.tabs.onUpdated,
    onReplaced: {
      addListener: (l: Replaced) => void replaced.add(l),
      removeListener: (l: Replaced) => void replaced.delete(l),
      hasListener: (l: Replaced) => replaced.has(l),
    },
    replace: (added: number, removed: number) => replaced.forEach((l) => l(added, removed)),
    listeners: () => replaced.size,
  };
}

const updated = (tabId: number, change: object, tab: object = {}) => fakeBrowser.tabs.onUpdated.trigger(tabId, change as never, { id: tabId, ...tab } as never);

describe('watchTabNavigation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once when the bound tab finishes loading a new page (no "tabs" permission: no url)', async () => {
    const tabs = tabsEvents();
    const seen = vi.fn();
    watchTabNavigation(7, seen, tabs as never);
    await updated(7, { status: 'loading' }, { status: 'loading' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS * 2);
    expect(seen).not.toHaveBeenCalled();
    await updated(7, { status: 'complete' }, { status: 'complete' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('ignores other tabs and changes that are not navigations', async () => {
    const tabs = tabsEvents();
    const seen = vi.fn();
    watchTabNavigation(7, seen, tabs as never);
    await updated(8, { status: 'complete' });
    await updated(7, { title: 'New title' }, { status: 'complete' });
    await updated(7, { audible: true }, { status: 'complete' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS * 2);
    expect(seen).not.toHaveBeenCalled();
  });

  it('coalesces a burst (url, then complete) into one read', async () => {
    const tabs = tabsEvents();
    const seen = vi.fn();
    watchTabNavigation(7, seen, tabs as never);
    await updated(7, { status: 'loading', url: 'https://a.test/2' }, { status: 'loading' });
    await updated(7, { status: 'complete' }, { status: 'complete' });
    await updated(7, { status: 'complete' }, { status: 'complete' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('follows a same-page navigation (pushState): the url changes with no load', async () => {
    const tabs = tabsEvents();
    const seen = vi.fn();
    watchTabNavigation(7, seen, tabs as never);
    await updated(7, { url: 'https://a.test/app#one' }, { status: 'complete' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS);
    expect(seen).toHaveBeenCalledTimes(1);
    // The same url again is no navigation.
    await updated(7, { url: 'https://a.test/app#one' }, { status: 'complete' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS);
    expect(seen).toHaveBeenCalledTimes(1);
    await updated(7, { url: 'https://a.test/app#two' }, { status: 'complete' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS);
    expect(seen).toHaveBeenCalledTimes(2);
  });

  it('follows the tab when the browser swaps it for a prerendered one', async () => {
    const tabs = tabsEvents();
    const seen = vi.fn();
    watchTabNavigation(7, seen, tabs as never);
    tabs.replace(9, 7);
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS);
    expect(seen).toHaveBeenCalledTimes(1);
    await updated(9, { status: 'complete' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS);
    expect(seen).toHaveBeenCalledTimes(2);
    await updated(7, { status: 'complete' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS);
    expect(seen).toHaveBeenCalledTimes(2);
  });

  it('stops watching when told, including a read still pending', async () => {
    const tabs = tabsEvents();
    const seen = vi.fn();
    const stop = watchTabNavigation(7, seen, tabs as never);
    await updated(7, { status: 'complete' });
    stop();
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS * 2);
    await updated(7, { status: 'complete' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS * 2);
    expect(seen).not.toHaveBeenCalled();
    expect(tabs.listeners()).toBe(0);
  });

  it('works with the browser object itself, which may lack onReplaced (WXT fake browser)', async () => {
    const seen = vi.fn();
    const stop = watchTabNavigation(3, seen);
    await updated(3, { status: 'complete' });
    await vi.advanceTimersByTimeAsync(NAVIGATION_SETTLE_MS);
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
  });
});
